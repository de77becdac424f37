import type { Deps } from '../../deps'
import { DeliveryFailedError, DeliveryRefusedError } from '../../errors'
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

/**
 * Delivers due outbox messages through the areas' registered notices (usecases/inbox/notices.ts).
 * Each is marked delivered only after its inbox rows are written (ids are deterministic, so a
 * retry after a crash writes nothing twice); failures and deliveries that hang past the timeout
 * back off and go again (at least once, in order per key). A topic no area registers fails the
 * same way, with the reason in the message's last error: an instance running older code leaves
 * it to one that knows it, and it is never counted as delivered. A topic with a bound on its
 * tries (subscribe messages) sets a message aside (dead letter, with the reason) once it is
 * reached, or at once when the receiver refused it for good.
 */
export async function deliverDue(d: Deps, limit = 100, opts: { timeoutMs?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const now = d.clock.now()
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS
  let delivered = 0
  let failed = 0
  for (const msg of await d.store.dueMessages(now.toISOString(), limit)) {
    try {
      await within(NOTICES.deliver(d, msg), timeoutMs)
      await d.store.markDelivered(msg.id, d.clock.now().toISOString())
      delivered++
    } catch (err) {
      failed++
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
