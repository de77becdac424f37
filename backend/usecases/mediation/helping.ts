import type { Case } from '../../../src/core/case'
import { helperIds } from '../../../src/core/kinds/mediationHelpers'
import { fail } from '../../../src/core/outcome'
import { rolesOf, type Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { prefetchNames } from '../shared/pageReads'
import { mediationSummary } from './caseView'

/**
 * An invitation records a follow, so a helper's cases are found without scanning (as a
 * respondent's are); a helper let go keeps the follow, and is filtered out by the case's list.
 */
export async function followInvitedHelpers(d: Deps, before: Case, after: Case): Promise<void> {
  const had = helperIds(before)
  const at = d.clock.now().toISOString()
  for (const userId of helperIds(after)) if (!had.includes(userId)) await d.store.follow(after.id, userId, at)
}

/** `mediation.helping`: 协助调解, the cases the caller was invited into and still helps with, newest first. */
export async function helping(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  if (!rolesOf(actor).includes('helper')) return fail('FORBIDDEN', '仅协助调解人可以查看')
  const tree = await d.orgTree()
  const limit = input.limit ?? 20
  const ids = await d.store.followedBy(actor.userId)
  const rows: Case[] = []
  for (let i = 0; i < ids.length; i += 200) {
    const page = await d.store.listCases({ kind: 'mediation', ids: ids.slice(i, i + 200), order: 'newest', limit: 200, before: input.before })
    rows.push(...page.filter((c) => helperIds(c).includes(actor.userId) && canRead(tree, actor, c)))
  }
  rows.sort((a, b) => b.id.localeCompare(a.id))
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  await prefetchNames(d, page, names)
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next: rows.length > limit ? page[page.length - 1]!.id : null }
}
