import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { outboxMessage } from './outboxMessage'
import { ownAnnouncement, reach } from './receipts'
import { GRID_REMIND } from './topics'

/** Queues one reminder for the announcement's unread members; answers how many they are. */
export async function remindUnread(d: Deps, actor: Actor, input: { id: string }) {
  const a = await ownAnnouncement(d, actor, input.id)
  if ('ok' in a) return a
  const { unreadCount } = await reach(d, a)
  await d.store.transaction(async (tx) => tx.enqueue(outboxMessage(d, GRID_REMIND, `ann:${input.id}`, { announcementId: input.id })))
  return { ok: true as const, reminded: unreadCount }
}
