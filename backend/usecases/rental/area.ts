import type { CheckinStatus, ReferredCaseView, RegistrationView } from '../../../src/contracts/rental'
import { auditReasonProblem, auditReasonText, type AuditPurpose } from '../../../src/core/auditReason'
import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import { maskDocNumber } from '../../../src/core/idNumber'
import { DOC_TYPES, validateDocNumber } from '../../../src/core/rental'
import type { Actor, Role } from '../../../src/core/roles'
import { labelOf } from '../../../src/core/transition'
import { DISPUTE_TYPE_LABELS, MEDIATION_STATUS_LABELS, type MediationPayload } from '../../../src/core/kinds/mediationTerms'
import { canRead, referredToPolice } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { auditUnit, writeAudit } from '../shared/audit'
import { openDisputes } from './misuseView'
import { Buildings, casePages, gridsOf, pl } from './reads'
import { maskedRegistrationView } from './registrationView'
import { unitsOf } from './roles'

const AREA_ROLES: readonly Role[] = ['police', 'dispatcher', 'admin']
const SCAN_PAGES = 50

/** Whether `q` is a document number under some document type (then it is searched by keyed hash). */
function docNumberOf(d: Deps, q: string): string | null {
  for (const t of DOC_TYPES) {
    const v = validateDocNumber(t, q, d.clock.now())
    if (v.ok) return v.value
  }
  return null
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
 * Open misuse disputes (有人冒用我的证件) of the police's own area, on the first page only:
 * they are the police's business, not the street's.
 */
async function disputesFor(d: Deps, tree: OrgTree, actor: Actor, before: string | undefined) {
  const units = unitsOf(actor, ['police'])
  return before !== undefined || units.length === 0 ? [] : openDisputes(d, tree, actor, gridsOf(tree, units), 20)
}

/**
 * Registrations of the caller's area, masked, newest first. `q` is a building name (part of it)
 * or a full document number, matched through its keyed hash.
 */
export async function area(d: Deps, actor: Actor, input: { statuses?: CheckinStatus[]; buildingId?: string; q?: string; purpose?: AuditPurpose; reason?: string; before?: string; limit?: number }) {
  const units = unitsOf(actor, AREA_ROLES)
  if (units.length === 0) return fail('FORBIDDEN', '仅社区民警、街道综治中心可查看辖区登记')
  const doc = input.q?.trim() ? docNumberOf(d, input.q.trim()) : null
  if (doc !== null) {
    // A search by a full identity number is a read of personal data: recorded, with its reason, first.
    const reason = input.reason?.trim() ?? ''
    if (!input.purpose) return fail('VALIDATION', '按证件号码查询须选择查询事由', { purpose: '请选择查询事由' })
    const problem = auditReasonProblem(reason)
    if (problem) return fail('VALIDATION', `按证件号码查询须说明事由：${problem}`, { reason: problem })
    const by = auditUnit(actor, AREA_ROLES)
    await writeAudit(d, actor, { actorRole: by.role, action: 'search', target: `rental.area 证件号码 ${maskDocNumber(doc)}`, reason: auditReasonText(input.purpose, reason), unitCode: by.unitCode })
  }
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
  // The police of the registration's grid read the names in full; street staff read the masks.
  const policeGrids = new Set(gridsOf(tree, unitsOf(actor, ['police'])))
  for (const c of page) registrations.push(await maskedRegistrationView(d, tree, c, buildings, policeGrids.has(c.gridCode ?? '')))
  const disputes = await disputesFor(d, tree, actor, input.before)
  const referred = await referredFor(d, tree, actor, input.before)
  return { ok: true as const, registrations, disputes, referred, next: more && page.length ? page[page.length - 1]!.id : null, total }
}

/**
 * Mediation cases of the police's area that their mediator referred to the police (警调对接),
 * newest first, first page only. A summary without parties: opening one is an audited read.
 */
async function referredFor(d: Deps, tree: OrgTree, actor: Actor, before: string | undefined): Promise<ReferredCaseView[]> {
  const units = unitsOf(actor, ['police'])
  if (before !== undefined || units.length === 0) return []
  const codes = tree.all().filter((u) => u.level !== 'grid' && units.some((x) => tree.isWithin(u.code, x))).map((u) => u.code)
  const rows = await d.store.listCases({ kind: 'mediation', unitCodes: codes, statuses: ['failed'], order: 'newest', limit: 200 })
  return rows
    .filter((c) => referredToPolice(c) && canRead(tree, actor, c))
    .slice(0, 20)
    .map((c) => {
      const p = c.payload as unknown as MediationPayload
      return { id: c.id, number: c.number ?? null, disputeTypeLabel: DISPUTE_TYPE_LABELS[p.disputeType] ?? '', statusLabel: labelOf(MEDIATION_STATUS_LABELS, c.status), unitName: tree.get(c.unitCode)?.name ?? '', referralNote: p.referral?.note ?? '', updatedAt: c.updatedAt }
    })
}
