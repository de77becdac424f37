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
import { queryTotal } from '../shared/queryTotal'
import { mediationSummary } from './caseView'
import { hasPartyPhone, phoneVault } from './phones'
import { streetsOf } from './streets'
import { withFields } from '../../../src/core/withFields'

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

/** Grant levels whose cases are exactly those of their streets' keys (or the district's own unit). */
const KEYED_LEVELS = ['street', 'district', 'city']

/**
 * A mediator's queue as store queries by committee: each committee's streets (and a district's own
 * unit) from the grants naming it, so a case of committee A at a street only granted for committee
 * B stays out. Null when a grant sits below a street (a community's mediator sees part of their
 * street only), which the scan answers instead.
 */
function committeeQueries(tree: OrgTree, grants: readonly RoleGrant[], base: CaseQuery): CaseQuery[] | null {
  if (!grants.every((g) => g.role === 'mediator' && g.committee && KEYED_LEVELS.includes(tree.get(g.unitCode)?.level ?? ''))) return null
  const byCommittee = new Map<string, { streets: Set<string>; units: Set<string> }>()
  for (const g of grants) {
    let places = byCommittee.get(g.committee!)
    if (!places) byCommittee.set(g.committee!, (places = { streets: new Set(), units: new Set() }))
    for (const s of streetsOf(tree, g.unitCode)) places.streets.add(s)
    // As staffScope: a district's own cases by its unit, a city's none.
    if (tree.get(g.unitCode)?.level === 'district') places.units.add(g.unitCode)
  }
  const qs: CaseQuery[] = []
  for (const [committee, places] of byCommittee) {
    if (places.streets.size > 0) qs.push(withFields(base, { committee, streetCodes: [...places.streets] }))
    if (places.units.size > 0) qs.push(withFields(base, { committee, unitCodes: [...places.units] }))
  }
  return qs
}

/**
 * A page (keyset after the cursor) and the total of disjoint store queries: `limit + 1` rows of
 * each, to be merged by the caller, and each one's total up to the cap (queryTotal); `limit + 1`
 * is within what the store returns at once (the contract's 100 rows, the store's 200).
 */
async function storePage(d: Deps, qs: readonly CaseQuery[], limit: number, before: string | undefined) {
  const rows: Case[] = []
  let total = 0
  let capped = false
  for (const q of qs) {
    const page = await d.store.listCases(withFields(q, { limit: limit + 1, before }))
    rows.push(...page)
    const n = await queryTotal(d, q, page, limit, before)
    if (n > QUEUE_TOTAL_CAP) capped = true
    total += Math.min(n, QUEUE_TOTAL_CAP)
  }
  return { rows, total, capped }
}

/** Every status: the store reads each one's deadline-ordered index range. */
const MEDIATION_STATUSES = Object.keys(MEDIATION_STATUS_LABELS)
/** Rows read per store page while filling a page of what the caller may see. */
const SCAN_PAGE = 100
/** A filtered queue (a phone, a mediator below a street) reads at most this many rows per answer. */
const SCAN_MAX = 2000

function slaOrder(a: Case, b: Case): number {
  if (a.slaDeadline !== b.slaDeadline) {
    if (a.slaDeadline === null) return 1
    if (b.slaDeadline === null) return -1
    return a.slaDeadline < b.slaDeadline ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * What the store cannot key (a caller's phone, a mediator below a street) is checked here: the
 * first SCAN_MAX cases of the scope are read, the visible ones counted, and the page taken after
 * the cursor among them.
 */
async function scanPage(d: Deps, qs: readonly CaseQuery[], visible: (c: Case) => boolean, before: string | undefined) {
  const seen: Case[] = []
  for (const q of qs) {
    let after: string | undefined
    for (let read = 0; read < SCAN_MAX; ) {
      const page = await d.store.listCases(withFields(q, { limit: SCAN_PAGE, before: after }))
      read += page.length
      seen.push(...page.filter(visible))
      if (page.length < SCAN_PAGE) break
      after = page[page.length - 1]!.id
    }
  }
  const cursor = before === undefined ? undefined : (seen.find((c) => c.id === before) ?? (await d.store.getCase(before)))
  // A cursor that no longer exists ends the list.
  const rows = before === undefined ? seen : cursor ? seen.filter((c) => slaOrder(c, cursor) > 0) : []
  return { rows, total: seen.length, capped: false }
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
  if (scope.streets.length > 0) qs.push(withFields(base, { streetCodes: scope.streets }))
  if (scope.units.length > 0) qs.push(withFields(base, { unitCodes: scope.units }))
  const visible = (c: Case) => scope.grants.some((g) => grantCovers(tree, g, actor, c)) && (!vault || hasPartyPhone(vault, c, input.phone!))
  // The centre sees every case of its streets, a mediator at a street or above their committees'
  // cases there: the store pages (keyset after the cursor) and counts them.
  const keyed = scope.whole || vault ? null : committeeQueries(tree, scope.grants, base)
  const stored = scope.whole && !vault ? qs : keyed
  const { rows, total, capped } = stored ? await storePage(d, stored, limit, input.before) : await scanPage(d, qs, visible, input.before)
  rows.sort(slaOrder)
  // The cursor is the last row the store gave; the grant is checked again on every row shown.
  const next = rows.length > limit ? rows[limit - 1]!.id : null
  const page = keyed ? rows.slice(0, limit).filter(visible) : rows.slice(0, limit)
  const names = new Map<string, string>()
  // The page's mediators in one read, not one per mediator (CloudBase round trips).
  await prefetchNames(d, page, names)
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next, total, ...(capped ? { totalCapped: true } : {}) }
}
