import type { Actor } from '../../../src/core/roles'
import { respondentIds } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { prefetchNames } from '../shared/pageReads'
import { mediationSummary } from './caseView'

export async function mine(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const tree = await d.orgTree()
  const limit = input.limit ?? 20
  // Own applications by index; cases joined as respondent are few, read from the user's follows.
  const own = await d.store.listCases({ kind: 'mediation', creatorId: actor.userId, order: 'newest', limit: 200, before: input.before })
  const joinedIds = await joinedCaseIds(d, actor.userId)
  // A helper's follows (协助调解) are not cases of their own: those are listed by mediation.helping.
  const joined = (joinedIds.length ? await d.store.listCases({ kind: 'mediation', ids: joinedIds, order: 'newest', limit: 200, before: input.before }) : []).filter((c) =>
    respondentIds(c).includes(actor.userId),
  )
  const rows = [...own, ...joined].sort((a, b) => b.id.localeCompare(a.id))
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  await prefetchNames(d, page, names)
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next: rows.length > limit ? page[page.length - 1]!.id : null }
}

/** A respondent's cases: joining records a follow, so they are found without scanning. */
export async function joinedCaseIds(d: Deps, userId: string): Promise<string[]> {
  return d.store.followedBy(userId)
}
