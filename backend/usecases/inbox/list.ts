import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { InboxItem } from '../../ports'

/**
 * Where a tap leads: the page the notice was written with. Items stored before pages were kept
 * name a case and were all told of reports or mediation cases; the report page was what they opened.
 */
function pageOf(i: InboxItem): string | null {
  const page = i.page ?? (i.caseId ? `pages/report/detail/index?id=${i.caseId}` : null)
  return page && (page.startsWith('/') ? page : `/${page}`)
}

/** The caller's inbox, newest first, a page at a time, with the unread count. */
export async function list(d: Deps, actor: Actor, input: ApiIn<'inbox.list'>) {
  const limit = input.limit ?? 20
  const rows = await d.store.listInbox(actor.userId, { before: input.before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  return {
    ok: true as const,
    items: page.map((i) => ({ id: i.id, caseId: i.caseId, page: pageOf(i), title: i.title, body: i.body, createdAt: i.createdAt, read: i.readAt !== null })),
    next: rows.length > limit ? page[page.length - 1]!.id : null,
    unread: await d.store.countUnread(actor.userId),
  }
}
