import type { Deps } from '../../deps'
import { DeliveryFailedError, DeliveryRefusedError, WebhookAttemptError } from '../../errors'
import { NOTICES } from './notices'

const BACKOFF_SECONDS = [5, 30, 120, 600, 1800, 3600]

/** Retry later, longer each time, capped at an hour: a broken channel never blocks the others. */
export function nextAttempt(now: Date, attempts: number): string {
  const s = BACKOFF_SECONDS[Math.min(attempts, BACKOFF_SECONDS.length - 1)]!
  return new Date(now.getTime() + s * 1000).toISOString()
}

/** How long one message's delivery may take before it counts as failed (a receiver that hangs). */
export const DELIVERY_TIMEOUT_MS = 10_000

/** Rejects when `work` has not settled within `ms`; the work itself may still finish later. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`delivery timed out after ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** Why a message was set aside, in Chinese: the administrator reads it in 发送失败的通知. */
export function setAsideReason(err: unknown, tries: number): string {
  if (err instanceof DeliveryRefusedError) return err.reason
  const last = err instanceof DeliveryFailedError ? err.reason : err instanceof Error && /timed out/.test(err.message) ? '发送超时' : '发送出错'
  return `已尝试 ${tries} 次仍未成功，最后一次：${last}`.slice(0, 200)
}

/** The receiver did not answer at all (no connection, a timeout), as opposed to answering an error for this message. */
function unreachable(err: unknown): boolean {
  if (err instanceof DeliveryFailedError) return err.code === 'network'
  if (err instanceof WebhookAttemptError) return err.attempt.httpStatus === null
  return err instanceof Error && /timed out/.test(err.message)
}

/**
 * How long one run may keep starting deliveries: the timers that run the outbox have a minute on
 * CloudBase (sla-timer), so what is left waits for the next run instead of the run being killed.
 */
export const DELIVERY_BUDGET_MS = 40_000

/**
 * Delivers due outbox messages through the areas' registered notices (usecases/inbox/notices.ts).
 * Each is marked delivered only after its inbox rows are written (ids are deterministic, so a
 * retry after a crash writes nothing twice); failures and deliveries that hang past the timeout
 * back off and go again (at least once, in order per key). A topic no area registers fails the
 * same way, with the reason in the message's last error: an instance running older code leaves
 * it to one that knows it, and it is never counted as delivered. A topic with a bound on its
 * tries (subscribe messages) sets a message aside (dead letter, with the reason) once it is
 * reached, or at once when the receiver refused it for good.
 *
 * An outside system that is down costs one try per run, not one per message: once a receiver (a
 * subscriber, a 12345 platform, the door-access system) cannot be reached or hangs, its other
 * messages in the run are postponed untried (counted as not delivered); an error it answers is the
 * message's own and holds up nothing else. No delivery starts after
 * the run's time budget; the rest stay due.
 */
export async function deliverDue(d: Deps, limit = 100, opts: { timeoutMs?: number; budgetMs?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const now = d.clock.now()
  const started = Date.now()
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS
  const budgetMs = opts.budgetMs ?? DELIVERY_BUDGET_MS
  const down = new Set<string>()
  let delivered = 0
  let failed = 0
  for (const msg of await d.store.dueMessages(now.toISOString(), limit)) {
    const receiver = NOTICES.receiverOf(msg)
    if (receiver !== null && down.has(receiver)) {
      await d.store.postpone(msg.id, nextAttempt(now, msg.attempts))
      failed++
      continue
    }
    if (Date.now() - started >= budgetMs) break
    try {
      await within(NOTICES.deliver(d, msg), timeoutMs)
      await d.store.markDelivered(msg.id, d.clock.now().toISOString())
      delivered++
    } catch (err) {
      failed++
      if (receiver !== null && unreachable(err)) down.add(receiver)
      const tries = msg.attempts + 1
      if (err instanceof DeliveryRefusedError || tries >= NOTICES.attemptsAllowed(msg.topic)) {
        await d.store.markDead(msg.id, setAsideReason(err, tries), now.toISOString())
        await NOTICES.setAside(d, msg, err)
      } else {
        await d.store.markFailed(msg.id, err instanceof Error ? err.message.slice(0, 200) : 'unknown', nextAttempt(now, msg.attempts))
      }
    }
  }
  return { delivered, failed }
}
