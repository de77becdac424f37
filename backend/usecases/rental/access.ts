import type { Case } from '../../../src/core/case'
import { shanghaiDay } from '../../../src/core/rental'
import type { OutboxMessage } from '../../ports'
import type { AccessEvent, Building } from '../../ports'
import type { Deps } from '../../deps'
import { pl } from './reads'
import { tenantNames } from './tenantNames'

export const ACCESS_GRANT = 'access.grant'
export const ACCESS_REVOKE = 'access.revoke'

/**
 * The door-access event of a confirmation or a check-out, written in the same transaction as
 * the move. Keyed by the registration, so its revoke can never overtake its grant. The stored
 * message holds no personal data at all: the tenant's name is read from the registration when
 * the webhook is sent (null once purged), and identity numbers and phones never go out.
 */
export function accessMessage(d: Deps, c: Case, b: Building, type: AccessEvent['type']): OutboxMessage {
  const now = d.clock.now()
  const p = pl(c)
  const id = d.newId()
  const event: AccessEvent = {
    id,
    type,
    registrationId: c.id,
    buildingCode: b.code,
    room: p.room,
    name: p.name,
    validFrom: p.moveInDate,
    validUntil: type === 'grant' ? p.leaseEnd : shanghaiDay(now),
    at: now.toISOString(),
  }
  return {
    id,
    topic: type === 'grant' ? ACCESS_GRANT : ACCESS_REVOKE,
    key: c.id,
    payload: { ...event, name: null },
    createdAt: now.toISOString(),
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    deliveredAt: null,
    lastError: null,
  }
}

/** Delivered when the door system acknowledges (2xx); any failure throws for the back-off. */
export async function deliverAccess(d: Deps, msg: OutboxMessage): Promise<void> {
  if (!d.access) throw new Error('access control not configured')
  const event = msg.payload as unknown as AccessEvent
  const c = await d.store.getCase(event.registrationId)
  await d.access.send({ ...event, name: c ? tenantNames(d.vault, c).name : null })
}
