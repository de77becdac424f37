import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { MEDIATION_STATUS_LABELS } from '../../../src/core/kinds/mediationTerms'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import { QUEUE_TOTAL_CAP } from '../../../src/core/queueTotal'
import type { Actor, RoleGrant } from '../../../src/core/roles'
import { grantCovers } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import type { Vault } from '../../crypto/vault'
import type { CaseQuery } from '../../ports'
import { prefetchNames } from '../shared/pageReads'
import { mediationSummary } from './caseView'
import { hasPartyPhone, phoneVault } from './phones'
import { streetsOf } from './streets'

/**
 * The centre sees every case of its streets and their communities (a district's also the district's
 * own); a mediator the cases their grant covers there (their committee's, at their unit or below).
 * The streets are read by the cases' street key; the district's own cases by their unit.
 */
function staffScope(tree: OrgTree, actor: Actor): { streets: string[]; units: string[]; grants: RoleGrant[]; whole: boolean } | null {
  const centre = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin')
  const grants = centre.length > 0 ? centre : actor.grants.filter((g) => g.role === 'mediator' && g.committee)
  if (grants.length === 0) return null
  const streets = new Set<string>()
  const units = new Set<string>()
  for (const g of grants) {
    for (const s of streetsOf(tree, g.unitCode)) streets.add(s)
    if (tree.get(g.unitCode)?.level === 'district') units.add(g.unitCode)
  }
  // A centre at a street or above sees every case of its streets; one at a community only its own.
  const whole = centre.length > 0 && centre.every((g) => ['street', 'district', 'city'].includes(tree.get(g.unitCode)?.level ?? ''))
  return { streets: [...streets], units: [...units], grants, whole }
}

/** Every status: the store reads each one's deadline-ordered index range. */
const MEDIATION_STATUSES = Object.keys(MEDIATION_STATUS_LABELS)
/** Rows read per store page while filling a page of what the caller may see. */
const SCAN_PAGE = 100
/** A filtered queue (a mediator's committee, a caller's phone) reads at most this many rows per answer. */
const SCAN_MAX = 2000

function slaOrder(a: Case, b: Case): number {
  if (a.slaDeadline !== b.slaDeadline) {
    if (a.slaDeadline === null) return 1
    if (b.slaDeadline === null) return -1
    return a.slaDeadline < b.slaDeadline ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export async function queue(d: Deps, actor: Actor, input: ApiIn<'mediation.queue'>) {
  const tree = await d.orgTree()
  const scope = staffScope(tree, actor)
  if (!scope) return fail('FORBIDDEN', '仅调解员和综治中心可查看调解工作台')
  const limit = input.limit ?? 30
  let vault: Vault | undefined
  if (input.phone) {
    const v = phoneVault(d)
    if ('ok' in v) return v
    vault = v
  }
  const base: CaseQuery = {
    kind: 'mediation',
    statuses: input.statuses?.length ? input.statuses : MEDIATION_STATUSES,
    category: input.disputeType,
    assigneeId: input.mine ? actor.userId : undefined,
    order: 'sla',
  }
  const qs: CaseQuery[] = []
  if (scope.streets.length > 0) qs.push({ ...base, streetCodes: scope.streets })
  if (scope.units.length > 0) qs.push({ ...base, unitCodes: scope.units })
  const visible = (c: Case) => scope.grants.some((g) => grantCovers(tree, g, actor, c)) && (!vault || hasPartyPhone(vault, c, input.phone!))
  let rows: Case[] = []
  let total = 0
  let capped = false
  if (scope.whole && !vault) {
    // The centre sees every case of its streets: the store pages (keyset after the cursor) and counts them.
    for (const q of qs) {
      rows.push(...(await d.store.listCases({ ...q, limit: limit + 1, before: input.before })))
      const n = await d.store.countCases(q, QUEUE_TOTAL_CAP + 1)
      if (n > QUEUE_TOTAL_CAP) capped = true
      total += Math.min(n, QUEUE_TOTAL_CAP)
    }
  } else {
    // A mediator's committee or a caller's phone is checked here: the first SCAN_MAX cases of the
    // scope are read, the visible ones counted, and the page taken after the cursor among them.
    const seen: Case[] = []
    for (const q of qs) {
      let before: string | undefined
      for (let read = 0; read < SCAN_MAX; ) {
        const page = await d.store.listCases({ ...q, limit: SCAN_PAGE, before })
        read += page.length
        seen.push(...page.filter(visible))
        if (page.length < SCAN_PAGE) break
        before = page[page.length - 1]!.id
      }
    }
    total = seen.length
    const cursor = input.before === undefined ? undefined : seen.find((c) => c.id === input.before) ?? (await d.store.getCase(input.before))
    if (input.before !== undefined && !cursor) return { ok: true as const, cases: [], next: null, total }
    rows = cursor ? seen.filter((c) => slaOrder(c, cursor) > 0) : seen
  }
  rows.sort(slaOrder)
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  // The page's mediators in one read, not one per mediator (CloudBase round trips).
  await prefetchNames(d, page, names)
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  const next = rows.length > limit ? page[page.length - 1]!.id : null
  return { ok: true as const, cases, next, total, ...(capped ? { totalCapped: true } : {}) }
}
