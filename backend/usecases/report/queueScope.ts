import type { QueueFilter } from '../../../src/contracts/api'
import { REPORT } from '../../../src/core/kinds/report'
import { REPORT_STATUS_LABELS } from '../../../src/core/kinds/reportTerms'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor, Role } from '../../../src/core/roles'
import type { CaseQuery } from '../../ports'
import type { Deps } from '../../deps'
import { dayStart, nextDayStart } from '../shared/shanghaiDay'
import { withFields } from '../../../src/core/withFields'

/** Who has a workbench: the queue, its statistics and its export read what these roles cover. */
export const STAFF_ROLES: readonly Role[] = ['grid_worker', 'dispatcher', 'department', 'admin']
export const OPEN = REPORT.rules.find((r) => r.action === 'mark_overdue')!.from

function gridsWithin(tree: OrgTree, unitCode: string): string[] {
  return tree.gridsWithin(unitCode).map((g) => g.code)
}

/**
 * The part of the queue a staff member may see, one query per grant: a grid worker's grids,
 * a dispatcher's or admin's whole unit, a department's own cases within its unit.
 */
export function scopeQueries(tree: OrgTree, actor: Actor): CaseQuery[] {
  const out: CaseQuery[] = []
  for (const g of actor.grants) {
    if (!STAFF_ROLES.includes(g.role)) continue
    const gridCodes = gridsWithin(tree, g.unitCode)
    if (g.role === 'department') out.push({ kind: 'report', gridCodes, department: g.department ?? '\u0000' })
    else out.push({ kind: 'report', gridCodes })
  }
  return out
}

export function applyFilter(d: Deps, base: CaseQuery, f: QueueFilter, actor: Actor): CaseQuery | null {
  const q: CaseQuery = withFields(base, { order: 'sla' as const })
  if (f.statuses?.length) q.statuses = f.statuses
  if (f.category) q.category = f.category
  if (f.gridCode) {
    if (!base.gridCodes?.includes(f.gridCode)) return null
    q.gridCodes = [f.gridCode]
  }
  if (f.overdue) {
    q.slaBefore = d.clock.now().toISOString()
    q.statuses = (q.statuses ?? OPEN).filter((s) => OPEN.includes(s))
  }
  if (f.mine) q.assigneeId = actor.userId
  if (f.number) q.number = f.number
  if (f.from) q.createdAfter = new Date(Date.parse(dayStart(f.from)) - 1).toISOString()
  if (f.to) q.createdBefore = nextDayStart(f.to)
  return q
}

export function staffOnly(actor: Actor) {
  return actor.grants.some((g) => STAFF_ROLES.includes(g.role)) ? null : fail('FORBIDDEN', '仅工作人员可查看工作台')
}

/** The caller's scope with a filter applied; a grid outside the scope drops that grant's query. */
export function queries(d: Deps, tree: OrgTree, actor: Actor, f: QueueFilter): CaseQuery[] {
  return scopeQueries(tree, actor)
    .map((b) => applyFilter(d, b, f, actor))
    .filter((q): q is CaseQuery => q !== null)
}

const REPORT_STATUSES = Object.keys(REPORT_STATUS_LABELS)
const streetCache = new WeakMap<OrgTree, Map<string, string[] | null>>()

/**
 * The streets whose grids are exactly the grids within `unitCode` (a street, or a district of
 * streets), or null for a unit below a street or a grid outside any street. Cached per tree: a
 * district's answer walks its 3,000-odd grids.
 */
export function streetsCovering(tree: OrgTree, unitCode: string): string[] | null {
  let cache = streetCache.get(tree)
  if (!cache) streetCache.set(tree, (cache = new Map()))
  if (cache.has(unitCode)) return cache.get(unitCode)!
  const level = tree.get(unitCode)?.level
  let out: string[] | null = null
  if (level === 'street' || level === 'district' || level === 'city') {
    const streets = new Set<string>()
    let whole = true
    for (const g of tree.gridsWithin(unitCode)) {
      const st = tree.ancestorAt(g.code, 'street')
      if (!st) {
        whole = false
        break
      }
      streets.add(st.code)
    }
    out = whole ? [...streets] : null
  }
  cache.set(unitCode, out)
  return out
}

/**
 * The queue's form of `queries`: a grant covering whole streets reads them by the cases' street
 * key (one index range per street and status, instead of sorting the entries of ~340 grids),
 * and "every status" is the list of them, so the store can read each status's range in order.
 * The cases matched are the same: a report's street key is its grid's street.
 */
export function queueQueries(d: Deps, tree: OrgTree, actor: Actor, f: QueueFilter): CaseQuery[] {
  const out: CaseQuery[] = []
  const grants = actor.grants.filter((g) => STAFF_ROLES.includes(g.role))
  scopeQueries(tree, actor).forEach((base, i) => {
    const q = applyFilter(d, base, f, actor)
    if (q === null) return
    if (!q.statuses) q.statuses = REPORT_STATUSES
    const streets = q.gridCodes === base.gridCodes ? streetsCovering(tree, grants[i]!.unitCode) : null
    if (streets) {
      delete q.gridCodes
      q.streetCodes = streets
    }
    out.push(q)
  })
  return out
}
