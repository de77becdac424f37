import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { outboxMessage } from './outboxMessage'
import { receipts } from './receipts'
import { GRID_REMIND } from './topics'

/** Queues one reminder for the announcement's unread members; answers how many they are. */
export async function remindUnread(d: Deps, actor: Actor, input: { id: string }) {
  const r = await receipts(d, actor, input)
  if (!r.ok) return r
  const unread = r.receipts.roster - r.receipts.read
  await d.store.transaction(async (tx) => tx.enqueue(outboxMessage(d, GRID_REMIND, `ann:${input.id}`, { announcementId: input.id })))
  return { ok: true as const, reminded: unread }
}
