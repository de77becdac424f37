import type { AuditView, CheckinStatus, RegistrationView } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import { DOC_TYPE_LABELS, DOC_TYPES, validateDocNumber } from '../../../src/core/rental'
import { ROLE_LABELS, type Actor, type ActorRole, type Role } from '../../../src/core/roles'
import { labelOf } from '../../../src/core/transition'
import { CHECKIN } from '../../../src/core/kinds/checkin'
import type { Deps } from '../../deps'
import { writeAudit } from '../audit'
import { csvDocument } from '../csv'
import { isVault, openSecret, vaultOf } from './secrets'
import { Buildings, casePages, gridsOf, maskedPhone, Names, pl, registrationView } from './views'

const AREA_ROLES: readonly Role[] = ['police', 'dispatcher', 'admin']
const DEFAULT_STATUSES: CheckinStatus[] = ['pending', 'active']
const SCAN_PAGES = 50

function unitsOf(actor: Actor, roles: readonly Role[]): string[] {
  return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitCode)
}

/** Case ids whose document is exactly `q` under some document type (the keyed hash, never a scan). */
async function byDocNumber(d: Deps, q: string): Promise<string[] | null> {
  const vault = d.vault
  if (!vault) return null
  const ids = new Set<string>()
  let looked = false
  for (const t of DOC_TYPES) {
    const v = validateDocNumber(t, q, d.clock.now())
    if (!v.ok) continue
    looked = true
    for (const id of await d.store.caseIdsByDocHmac(vault.lookupHash(t, v.value))) ids.add(id)
  }
  return looked ? [...ids] : null
}

/**
 * Registrations of the caller's area, masked, newest first. `q` is a building name (part of it)
 * or a full document number, matched through its keyed hash.
 */
export async function area(d: Deps, actor: Actor, input: { statuses?: CheckinStatus[]; buildingId?: string; q?: string; before?: string; limit?: number }) {
  const units = unitsOf(actor, AREA_ROLES)
  if (units.length === 0) return fail('FORBIDDEN', '仅社区民警、街道综治中心可查看辖区登记')
  const tree = await d.orgTree()
  let grids = gridsOf(tree, units)
  const limit = input.limit ?? 20
  const statuses = input.statuses?.length ? input.statuses : undefined
  const buildings = new Buildings(d)
  const q = input.q?.trim()
  let ids: string[] | undefined
  let inBuildings: Set<string> | undefined
  if (q) {
    const exact = await byDocNumber(d, q)
    if (exact) ids = exact
    else {
      const hit = (await d.store.buildingsInGrids(grids)).filter((b) => b.name.includes(q) || b.address.includes(q))
      inBuildings = new Set(hit.map((b) => b.id))
      grids = [...new Set(hit.map((b) => b.gridCode))]
    }
  }
  if (input.buildingId) {
    const b = await buildings.of(input.buildingId)
    if (!b || !grids.includes(b.gridCode)) return { ok: true as const, registrations: [], next: null, total: 0 }
    inBuildings = new Set([...(inBuildings ?? [b.id])].filter((x) => x === b.id))
    grids = [b.gridCode]
  }
  const filtered = ids !== undefined || inBuildings !== undefined
  const query = { kind: 'checkin' as const, gridCodes: grids, statuses, ...(ids ? { ids } : {}) }
  const keep = (c: Case) => !inBuildings || inBuildings.has(pl(c).buildingId)
  const page: Case[] = []
  let total = 0
  let before = input.before
  let more = false
  if (!filtered) {
    total = await d.store.countCases(query)
    const rows = await d.store.listCases({ ...query, order: 'newest', limit: limit + 1, before })
    page.push(...rows.slice(0, limit))
    more = rows.length > limit
  } else {
    // A building or document filter: walk the (already narrowed) indexed range and count it all.
    for await (const rows of casePages(d, { ...query, order: 'newest' }, SCAN_PAGES)) {
      for (const c of rows.filter(keep)) {
        total++
        if (before !== undefined && c.id >= before) continue
        if (page.length < limit) page.push(c)
        else more = true
      }
    }
  }
  const registrations: RegistrationView[] = []
  for (const c of page) {
    const b = await buildings.of(pl(c).buildingId)
    const phone = d.vault ? openSecret(d.vault, await d.store.getSecret(c.id)).phone : null
    registrations.push(registrationView(tree, c, b, maskedPhone(phone)))
  }
  return { ok: true as const, registrations, next: more && page.length ? page[page.length - 1]!.id : null, total }
}

/** Police covering the registration's grid, or null. */
function policeUnitFor(tree: OrgTree, actor: Actor, c: Case): string | null {
  const g = actor.grants.find((x) => x.role === 'police' && tree.isWithin(c.gridCode ?? c.unitCode, x.unitCode))
  return g ? g.unitCode : null
}

/** The full identity number and phone of one registration, for police only; the audit row comes first. */
export async function reveal(d: Deps, actor: Actor, input: { id: string; reason: string }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  if (!actor.grants.some((g) => g.role === 'police')) return fail('FORBIDDEN', '仅社区民警可查看完整证件号码')
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'checkin' || !policeUnitFor(tree, actor, c)) return fail('NOT_FOUND', '登记不存在或不在您的辖区')
  const secret = await d.store.getSecret(c.id)
  if (!secret || secret.purgedAt !== null || !secret.docCipher) return fail('NOT_FOUND', '该登记的个人信息已按保存期限清除')
  await writeAudit(d, actor, { actorRole: 'police', action: 'reveal', target: c.id, reason: input.reason.trim(), unitCode: c.gridCode ?? c.unitCode })
  const open = openSecret(vault, secret)
  return { ok: true as const, docNumber: open.docNumber ?? '', phone: open.phone ?? '' }
}

export const EXPORT_LIMIT = 10_000

/** The area's registrations with full numbers, as CSV for the police; audited with its reason. */
export async function exportCsv(d: Deps, actor: Actor, input: { reason: string; statuses?: CheckinStatus[] }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const units = unitsOf(actor, ['police'])
  if (units.length === 0) return fail('FORBIDDEN', '仅社区民警可导出实名登记')
  const tree = await d.orgTree()
  const grids = gridsOf(tree, units)
  const statuses = input.statuses?.length ? input.statuses : DEFAULT_STATUSES
  const buildings = new Buildings(d)
  const rows: unknown[][] = [['登记编号', '状态', '楼栋', '地址', '网格', '房号', '姓名', '证件类型', '证件号码', '手机号', '入住日期', '租约到期', '同住人数', '登记时间']]
  const full = () => rows.length - 1 >= EXPORT_LIMIT
  for await (const page of casePages(d, { kind: 'checkin', gridCodes: grids, statuses, order: 'newest' })) {
    for (const c of page) {
      if (full()) break
      const p = pl(c)
      const b = await buildings.of(p.buildingId)
      const open = openSecret(vault, await d.store.getSecret(c.id))
      rows.push([c.id, labelOf(CHECKIN.statusLabels, c.status), b?.name ?? '', b?.address ?? '', tree.get(c.gridCode ?? '')?.name ?? '', p.room, p.name ?? '', DOC_TYPE_LABELS[p.docType], open.docNumber ?? '', open.phone ?? '', p.moveInDate, p.leaseEnd, p.cohabitants.length, c.createdAt])
    }
    if (full()) break
  }
  const n = rows.length - 1
  await writeAudit(d, actor, { actorRole: 'police', action: 'export', target: `rental.exportCsv ${units.join(',')} [${statuses.join(',')}] ${n} rows`, reason: input.reason.trim(), unitCode: units[0]! })
  const stamp = d.clock.now().toISOString().slice(0, 10)
  return { ok: true as const, filename: `出租屋实名登记_${stamp}.csv`, csv: csvDocument(rows), rows: n }
}

/** Audit rows of the caller's units (police and admin), newest first. */
export async function audit(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const units = unitsOf(actor, ['police', 'admin'])
  if (units.length === 0) return fail('FORBIDDEN', '仅社区民警或管理员可查看审计记录')
  const tree = await d.orgTree()
  const codes = tree.all().filter((u) => units.some((x) => tree.isWithin(u.code, x))).map((u) => u.code)
  const limit = input.limit ?? 20
  const rows = await d.store.listAudit(codes, { before: input.before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const names = new Names(d)
  const entries: AuditView[] = []
  for (const e of page) {
    entries.push({ id: e.id, actorName: await names.of(e.actorId), actorRole: e.actorRole, actorRoleLabel: labelOf(ROLE_LABELS as Record<ActorRole, string>, e.actorRole), action: e.action, target: e.target, reason: e.reason, at: e.at })
  }
  return { ok: true as const, entries, next: rows.length > limit ? page[page.length - 1]!.id : null }
}
