import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { helpSummary, People, responderNamed } from './views'

/** `help.mine`: the person's own requests, newest first. */
export async function mine(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const limit = input.limit ?? 20
  const cases = await d.store.listCases({ kind: 'help', creatorId: actor.userId, order: 'newest', limit: limit + 1, before: input.before })
  const page = cases.slice(0, limit)
  const people = await new People(d).load(page, responderNamed)
  const items = []
  for (const c of page) items.push(await helpSummary(d, c, people))
  return { ok: true as const, items, next: cases.length > limit ? page[page.length - 1]!.id : null }
}
