import type { EventSelection } from '../../../src/core/caseEvents'
import { SUBSCRIBABLE_KINDS } from '../../../src/core/caseEvents'
import { isFailure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { WebhookSubscription } from '../../ports'
import { requireDistrictAdmin } from '../admin/access'
import { vaultFor, webhookUrlRefusal } from './access'
import { auditChange } from './audit'
import { newSharedSecret } from './credentials'
import { subscriptionView } from './views'

/**
 * Subscribes an outside system to case events. Its secret verifies our signatures, so it is
 * sealed (we sign with it) and answered this once.
 */
export async function subscribe(d: Deps, actor: Actor, input: { name: string; url: string; events: EventSelection }) {
  const denied = requireDistrictAdmin(d, actor) ?? webhookUrlRefusal(d, input.url, 'url')
  if (denied) return denied
  const vault = vaultFor(d)
  if (isFailure(vault)) return vault
  // Stored in the one order the selection is read in, kinds without events left out.
  const events: EventSelection = {}
  for (const k of SUBSCRIBABLE_KINDS) if (input.events[k]?.length) events[k] = [...input.events[k]!]
  const id = d.newId()
  const secret = newSharedSecret()
  const s: WebhookSubscription = {
    id,
    name: input.name,
    url: input.url,
    secretSealed: vault.seal(secret, id),
    events,
    createdAt: d.clock.now().toISOString(),
    createdBy: actor.userId,
    revokedAt: null,
  }
  await auditChange(d, actor, 'subscribe', id, s.name)
  await d.store.addSubscription(s)
  return { ok: true as const, subscription: subscriptionView(s), secret }
}
