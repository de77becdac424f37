import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** Only consents for our own configured templates count; anything else the client sends is ignored. */
export async function subscribe(d: Deps, actor: Actor, input: ApiIn<'inbox.subscribe'>) {
  const ours = new Set(Object.values(d.config.subscribeTemplates).flatMap((t) => (t ? [t.id] : [])))
  let recorded = 0
  // Two kinds may share one template: its consent is counted once per acceptance.
  for (const t of new Set(input.accepted)) {
    if (!ours.has(t)) continue
    await d.store.addSubscribeQuota(actor.userId, t, 1)
    recorded++
  }
  return { ok: true as const, recorded }
}
