import type { ApiIn } from '../../../src/contracts/api'
import { QUEUE_TOTAL_CAP } from '../../../src/core/queueTotal'
import type { Case } from '../../../src/core/case'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { queueQueries, staffOnly } from './queueScope'
import { prefetchNames } from '../shared/pageReads'
import { queryTotal } from '../shared/queryTotal'
import { staffSummary } from './staffView'
import { withFields } from '../../../src/core/withFields'

function slaOrder(a: Case, b: Case): number {
  if (a.slaDeadline === b.slaDeadline) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  if (a.slaDeadline === null) return 1
  if (b.slaDeadline === null) return -1
  return a.slaDeadline < b.slaDeadline ? -1 : 1
}

/**
 * `cases.queue`: the cases in the caller's scope, nearest deadline first, with the filter's total.
 * The total is exact up to QUEUE_TOTAL_CAP; above it counting stops and the answer says
 * `totalCapped` (the desk shows 「1万+」): a street's exact 100,000 would read every entry.
 */
export async function queue(d: Deps, actor: Actor, input: ApiIn<'cases.queue'>) {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const { before, limit: asked, ...filter } = input
  const limit = asked ?? 30
  const qs = queueQueries(d, tree, actor, filter)
  const byId = new Map<string, Case>()
  let total = 0
  let capped = false
  for (const q of qs) {
    const rows = await d.store.listCases(withFields(q, { limit: limit + 1, before }))
    for (const c of rows) byId.set(c.id, c)
    const n = await queryTotal(d, q, rows, limit, before)
    if (n > QUEUE_TOTAL_CAP) capped = true
    total += n
  }
  const rows = [...byId.values()].sort(slaOrder)
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  // The page's assignees in one read, not one per row (CloudBase round trips, issue 21 part R).
  await prefetchNames(d, page, names)
  const cases = []
  for (const c of page) cases.push(await staffSummary(d, tree, c, names))
  const next = rows.length > limit ? page[page.length - 1]!.id : null
  if (capped) return { ok: true as const, cases, next, total: QUEUE_TOTAL_CAP, totalCapped: true }
  return { ok: true as const, cases, next, total }
}
