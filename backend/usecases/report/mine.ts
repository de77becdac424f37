import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { summaryOf } from './caseView'

/** `reports.mine`: the caller's own reports, newest first, a page at a time. */
export async function mine(d: Deps, actor: Actor, input: ApiIn<'reports.mine'>) {
  const tree = await d.orgTree()
  const limit = input.limit ?? 20
  const rows = await d.store.listCases({ kind: 'report', creatorId: actor.userId, order: 'newest', limit: limit + 1, before: input.before })
  const page = rows.slice(0, limit)
  return {
    ok: true as const,
    cases: page.map((c) => summaryOf(d, tree, c)),
    next: rows.length > limit ? page[page.length - 1]!.id : null,
  }
}
