import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

export async function markRead(d: Deps, actor: Actor, input: ApiIn<'inbox.markRead'>) {
  await d.store.markInboxRead(actor.userId, input.all ? 'all' : (input.ids ?? []), d.clock.now().toISOString())
  return { ok: true as const, unread: await d.store.countUnread(actor.userId) }
}
