import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { queries, staffOnly } from './queueScope'
import { prefetchNames } from '../shared/pageReads'
import { staffSummary } from './staffView'

function slaOrder(a: Case, b: Case): number {
  if (a.slaDeadline === b.slaDeadline) return a.id.localeCompare(b.id)
  if (a.slaDeadline === null) return 1
  if (b.slaDeadline === null) return -1
  return a.slaDeadline.localeCompare(b.slaDeadline)
}

/** `cases.queue`: the cases in the caller's scope, nearest deadline first, with the filter's total. */
export async function queue(d: Deps, actor: Actor, input: ApiIn<'cases.queue'>) {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const { before, limit: asked, ...filter } = input
  const limit = asked ?? 30
  const qs = queries(d, tree, actor, filter)
  const byId = new Map<string, Case>()
  let total = 0
  for (const q of qs) {
    total += await d.store.countCases(q)
    for (const c of await d.store.listCases({ ...q, limit: limit + 1, before })) byId.set(c.id, c)
  }
  const rows = [...byId.values()].sort(slaOrder)
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  // The page's assignees in one read, not one per row (CloudBase round trips, issue 21 part R).
  await prefetchNames(d, page, names)
  const cases = []
  for (const c of page) cases.push(await staffSummary(d, tree, c, names))
  return { ok: true as const, cases, next: rows.length > limit ? page[page.length - 1]!.id : null, total }
}
