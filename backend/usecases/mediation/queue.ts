import type { ApiIn, LedgerView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES, MEDIATION, REFERRAL_LABELS, REFERRALS, type DisputeType } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { auditUnit, writeAudit } from '../shared/audit'
import { csvCell } from '../shared/csv'
import { dayStart, nextDayStart } from '../shared/shanghaiDay'
import type { Deps } from '../../deps'
import type { Vault } from '../../crypto/vault'
import { mediatorsOf, openCaseCount } from './mediators'
import { hasPartyPhone, phoneVault } from './phones'
import { mediationSummary, pl } from './views'

function streetsOf(tree: OrgTree, unitCode: string): string[] {
  const u = tree.get(unitCode)
  if (!u) return []
  if (u.level === 'street') return [u.code]
  const up = tree.ancestorAt(unitCode, 'street')
  if (up) return [up.code]
  return tree.all().filter((x) => x.level === 'street' && tree.isWithin(x.code, unitCode)).map((x) => x.code)
}

export function options(d: Deps, tree: OrgTree) {
  return {
    ok: true as const,
    disputeTypes: DISPUTE_TYPES.map((code) => ({ code, label: DISPUTE_TYPE_LABELS[code] })),
    streets: tree.all().filter((u) => u.level === 'street').map((u) => ({ code: u.code, name: u.name })),
    committees: d.config.mediation.committees.map((c) => ({ code: c.code, name: c.name, disputeTypes: [...c.disputeTypes] })),
    referrals: REFERRALS.map((code) => ({ code, label: REFERRAL_LABELS[code] })),
  }
}

export async function mine(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const tree = await d.orgTree()
  const limit = input.limit ?? 20
  // Own applications by index; cases joined as respondent are few, read from the user's follows.
  const own = await d.store.listCases({ kind: 'mediation', creatorId: actor.userId, order: 'newest', limit: 200, before: input.before })
  const joinedIds = await joinedCaseIds(d, actor.userId)
  const joined = joinedIds.length ? await d.store.listCases({ kind: 'mediation', ids: joinedIds, order: 'newest', limit: 200, before: input.before }) : []
  const rows = [...own, ...joined].sort((a, b) => b.id.localeCompare(a.id))
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next: rows.length > limit ? page[page.length - 1]!.id : null }
}

/** A respondent's cases: joining records a follow, so they are found without scanning. */
export async function joinedCaseIds(d: Deps, userId: string): Promise<string[]> {
  return d.store.followedBy(userId)
}

function staffScope(tree: OrgTree, actor: Actor): { streets: string[]; committees: string[] | null } | null {
  const streets = new Set<string>()
  let committees: Set<string> | null = null
  let any = false
  for (const g of actor.grants) {
    if (g.role === 'dispatcher' || g.role === 'admin') {
      for (const s of streetsOf(tree, g.unitCode)) streets.add(s)
      any = true
    }
  }
  if (any) return { streets: [...streets], committees: null }
  for (const g of actor.grants) {
    if (g.role === 'mediator' && g.committee) {
      for (const s of streetsOf(tree, g.unitCode)) streets.add(s)
      committees ??= new Set()
      committees.add(g.committee)
    }
  }
  return committees ? { streets: [...streets], committees: [...committees] } : null
}

const SCAN = 1000

export async function queue(d: Deps, actor: Actor, input: ApiIn<'mediation.queue'>) {
  const tree = await d.orgTree()
  const scope = staffScope(tree, actor)
  if (!scope) return fail('FORBIDDEN', '仅调解员和综治中心可查看调解工作台')
  const limit = input.limit ?? 30
  const rows = await d.store.listCases({
    kind: 'mediation',
    unitCodes: scope.streets,
    statuses: input.statuses?.length ? input.statuses : undefined,
    category: input.disputeType,
    assigneeId: input.mine ? actor.userId : undefined,
    order: 'sla',
    limit: SCAN,
  })
  let vault: Vault | undefined
  if (input.phone) {
    const v = phoneVault(d)
    if ('ok' in v) return v
    vault = v
  }
  const visible = rows.filter((c) => (!scope.committees || scope.committees.includes(pl(c).committee ?? '')) && (!vault || hasPartyPhone(vault, c, input.phone!)))
  const start = input.before ? visible.findIndex((c) => c.id === input.before) + 1 : 0
  const page = visible.slice(start, start + limit)
  const names = new Map<string, string>()
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next: start + limit < visible.length ? page[page.length - 1]!.id : null, total: visible.length }
}

export async function mediators(d: Deps, actor: Actor, input: { committee?: string }) {
  const tree = await d.orgTree()
  const streets = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').flatMap((g) => streetsOf(tree, g.unitCode))
  if (streets.length === 0) return fail('FORBIDDEN', '仅综治中心可指派调解员')
  const out = []
  for (const s of streets) {
    for (const u of await mediatorsOf(d, tree, s, input.committee)) {
      // A mediator not yet placed in a committee cannot take cases; they are not offered.
      const g = u.grants.find((x) => x.role === 'mediator' && x.committee)
      if (!g) continue
      const committee = d.config.mediation.committees.find((c) => c.code === g.committee)
      out.push({ id: u.id, name: u.name, committee: g.committee!, committeeName: committee?.name ?? g.committee!, openCases: await openCaseCount(d, u.id) })
    }
  }
  return { ok: true as const, mediators: out }
}

async function ledgerCases(d: Deps, tree: OrgTree, actor: Actor, input: { from?: string; to?: string }): Promise<Case[] | null> {
  const streets = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').flatMap((g) => streetsOf(tree, g.unitCode))
  if (streets.length === 0) return null
  const out: Case[] = []
  let before: string | undefined
  const createdAfter = input.from ? new Date(Date.parse(dayStart(input.from)) - 1).toISOString() : undefined
  const createdBefore = input.to ? nextDayStart(input.to) : undefined
  while (out.length < 10_000) {
    const page = await d.store.listCases({ kind: 'mediation', unitCodes: streets, createdAfter, createdBefore, order: 'newest', limit: 200, before })
    out.push(...page)
    if (page.length < 200) break
    before = page[page.length - 1]!.id
  }
  return out
}

function closedAt(c: Case): number {
  return Date.parse(c.updatedAt)
}

export async function ledger(d: Deps, actor: Actor, input: { from?: string; to?: string }) {
  const tree = await d.orgTree()
  const cases = await ledgerCases(d, tree, actor, input)
  if (!cases) return fail('FORBIDDEN', '仅综治中心可查看调解台账')
  const count = (key: (c: Case) => string) => {
    const m = new Map<string, number>()
    for (const c of cases) m.set(key(c), (m.get(key(c)) ?? 0) + 1)
    return m
  }
  const rows = (m: Map<string, number>, label: (k: string) => string) =>
    [...m].map(([key, n]) => ({ key, label: label(key), count: n })).sort((a, b) => b.count - a.count)
  const month = (c: Case) => new Date(Date.parse(c.createdAt) + 8 * 3600_000).toISOString().slice(0, 7)
  const succeeded = cases.filter((c) => c.status === 'succeeded')
  const failed = cases.filter((c) => c.status === 'failed')
  const closed = cases.filter((c) => MEDIATION.terminalStatuses.includes(c.status))
  const committees = new Map(d.config.mediation.committees.map((c) => [c.code, c.name]))
  const view: LedgerView = {
    total: cases.length,
    open: cases.length - closed.length,
    succeeded: succeeded.length,
    failed: failed.length,
    successRate: succeeded.length + failed.length ? Math.round((succeeded.length / (succeeded.length + failed.length)) * 1000) / 1000 : 0,
    avgDaysToClose: closed.length ? Math.round((closed.reduce((s, c) => s + (closedAt(c) - Date.parse(c.createdAt)), 0) / closed.length / 86_400_000) * 10) / 10 : null,
    byType: rows(count((c) => pl(c).disputeType), (k) => DISPUTE_TYPE_LABELS[k as DisputeType] ?? k),
    byCommittee: rows(count((c) => pl(c).committee ?? ''), (k) => committees.get(k) ?? '未分配'),
    byStreet: rows(count((c) => c.unitCode), (k) => tree.get(k)?.name ?? k),
    byStatus: rows(count((c) => c.status), (k) => MEDIATION.statusLabels[k] ?? k),
    byMonth: [...count(month)].sort(([a], [b]) => a.localeCompare(b)).map(([m, n]) => ({ month: m, count: n })),
  }
  return { ok: true as const, ledger: view }
}


export async function ledgerCsv(d: Deps, actor: Actor, input: { from?: string; to?: string }) {
  const tree = await d.orgTree()
  const cases = await ledgerCases(d, tree, actor, input)
  if (!cases) return fail('FORBIDDEN', '仅综治中心可导出调解台账')
  const committees = new Map(d.config.mediation.committees.map((c) => [c.code, c.name]))
  const lines = [['编号', '纠纷类型', '状态', '街道', '调解委员会', '申请时间', '办理期限', '结果去向'].join(',')]
  for (const c of cases) {
    const p = pl(c)
    lines.push(
      [c.id, DISPUTE_TYPE_LABELS[p.disputeType], MEDIATION.statusLabels[c.status] ?? c.status, tree.get(c.unitCode)?.name ?? c.unitCode, committees.get(p.committee ?? '') ?? '', c.createdAt, c.slaDeadline, p.referral ? REFERRAL_LABELS[p.referral.type] : '']
        .map(csvCell)
        .join(','),
    )
  }
  const who = auditUnit(actor, ['dispatcher', 'admin'])
  await writeAudit(d, actor, { actorRole: who.role, action: 'export', target: `mediation.ledgerCsv ${input.from ?? ''}..${input.to ?? ''} ${cases.length} rows`, reason: '导出调解台账', unitCode: who.unitCode })
  const stamp = d.clock.now().toISOString().slice(0, 10)
  return { ok: true as const, filename: `调解台账_${stamp}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: cases.length }
}
