import type { Deps } from '../../deps'
import type { DeliveryTarget, OutboxMessage } from '../../ports'

/** One try at an outside system, as postSigned (adapters/webhook/signedPost.ts) reports it. */
export interface Attempt {
  ok: boolean
  httpStatus: number | null
  durationMs: number
  /** postSigned's short English reason ('answered 503', 'timed out after 5000 ms', 'failed: …'). */
  error: string | null
}

/** Why an attempt failed, in Chinese for the admin's delivery log (and the dead letter's reason). */
export function attemptReason(a: Pick<Attempt, 'ok' | 'httpStatus' | 'error'>): string | null {
  if (a.ok) return null
  if (a.httpStatus !== null) return `对方返回 ${a.httpStatus}`
  return a.error?.startsWith('timed out') ? '连接超时' : '无法连接'
}

export interface LoggedAttempt {
  target: DeliveryTarget
  msg: OutboxMessage
  /** 'report.accepted', 'access.grant' … */
  event: string
  caseNumber: string | null
  attempt: Attempt
  /** Our side's reason when the request never went out (no key to sign with, no address). */
  reason?: string
  /** This attempt is the message's last: the outbox sets it aside. */
  dead: boolean
}

/**
 * Appends one attempt to the delivery log. Each request that went out gets its own row, even one
 * repeated under the same try's number after a crash before the outbox noted the failure.
 */
export async function logAttempt(d: Deps, a: LoggedAttempt): Promise<void> {
  const n = a.msg.attempts + 1
  await d.store.logDelivery({
    id: d.newId(),
    target: a.target,
    messageId: a.msg.id,
    event: a.event,
    caseNumber: a.caseNumber,
    attempt: n,
    at: d.clock.now().toISOString(),
    ok: a.attempt.ok,
    httpStatus: a.attempt.httpStatus,
    durationMs: Math.max(0, Math.round(a.attempt.durationMs)),
    error: a.attempt.ok ? null : (a.reason ?? attemptReason(a.attempt)),
    dead: a.dead,
  })
}
