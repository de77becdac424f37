import type { ApiIn } from '../../src/contracts/api'
import type { Actor } from '../../src/core/roles'
import type { Deps } from '../deps'

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

export async function markRead(d: Deps, actor: Actor, input: ApiIn<'inbox.markRead'>) {
  await d.store.markInboxRead(actor.userId, input.all ? 'all' : (input.ids ?? []), d.clock.now().toISOString())
  return { ok: true as const, unread: await d.store.countUnread(actor.userId) }
}

export function templates(d: Deps) {
  return { ok: true as const, templates: { caseStatus: d.config.subscribeTemplates.caseStatus } }
}

/** Only consents for our own configured templates count; anything else the client sends is ignored. */
export async function subscribe(d: Deps, actor: Actor, input: ApiIn<'inbox.subscribe'>) {
  const ours = new Set(Object.values(d.config.subscribeTemplates).filter((t): t is string => Boolean(t)))
  let recorded = 0
  for (const t of input.accepted) {
    if (!ours.has(t)) continue
    await d.store.addSubscribeQuota(actor.userId, t, 1)
    recorded++
  }
  return { ok: true as const, recorded }
}
