import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** The caller's inbox, newest first, a page at a time, with the unread count. */
export async function list(d: Deps, actor: Actor, input: ApiIn<'inbox.list'>) {
  const limit = input.limit ?? 20
  const rows = await d.store.listInbox(actor.userId, { before: input.before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  return {
    ok: true as const,
    items: page.map((i) => ({ id: i.id, caseId: i.caseId, title: i.title, body: i.body, createdAt: i.createdAt, read: i.readAt !== null })),
    next: rows.length > limit ? page[page.length - 1]!.id : null,
    unread: await d.store.countUnread(actor.userId),
  }
}
