import type { Case } from '../../../src/core/case'
import { shanghaiDay } from '../../../src/core/rental'
import type { OutboxMessage } from '../../ports'
import type { AccessEvent, Building } from '../../ports'
import type { Deps } from '../../deps'
import { WebhookAttemptError } from '../../errors'
import { logAttempt, type Attempt } from '../integrations/deliveryLog'
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

/** A try that never became a request: nothing went out, so no status and no time. */
const NOT_SENT: Attempt = { ok: false, httpStatus: null, durationMs: 0, error: null }

/** Why nothing went out, in Chinese for the delivery log. */
function notSentReason(err: unknown): string {
  return err instanceof Error && /not configured/.test(err.message) ? '未配置门禁系统地址' : '发送出错'
}

/**
 * Delivered when the door system acknowledges (2xx); any failure throws for the back-off. The door
 * system is one subscriber of the delivery log: each try is logged under 'access' with the
 * registration's number (never the tenant), what goes out unchanged.
 */
export async function deliverAccess(d: Deps, msg: OutboxMessage): Promise<void> {
  const event = msg.payload as unknown as AccessEvent
  const c = await d.store.getCase(event.registrationId)
  const logged = (attempt: Attempt, reason?: string) =>
    logAttempt(d, { target: 'access', msg, event: msg.topic, caseNumber: c?.number ?? null, attempt, dead: false, ...(reason ? { reason } : {}) })
  if (!d.access) {
    await logged(NOT_SENT, '未配置门禁系统')
    throw new Error('access control not configured')
  }
  let done: Attempt | void
  try {
    done = await d.access.send({ ...event, name: c ? tenantNames(d.vault, c).name : null })
  } catch (err) {
    if (err instanceof WebhookAttemptError) await logged(err.attempt)
    else await logged(NOT_SENT, notSentReason(err))
    throw err
  }
  await logged(done ?? { ok: true, httpStatus: null, durationMs: 0, error: null })
}
