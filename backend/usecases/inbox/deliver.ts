import type { Deps } from '../../deps'
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

/**
 * Delivers due outbox messages through the areas' registered notices (usecases/inbox/notices.ts).
 * Each is marked delivered only after its inbox rows are written (ids are deterministic, so a
 * retry after a crash writes nothing twice); failures and deliveries that hang past the timeout
 * back off and go again (at least once, in order per key). A topic no area registers fails the
 * same way, with the reason in the message's last error: an instance running older code leaves
 * it to one that knows it, and it is never counted as delivered.
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
      await d.store.markFailed(msg.id, err instanceof Error ? err.message.slice(0, 200) : 'unknown', nextAttempt(now, msg.attempts))
    }
  }
  return { delivered, failed }
}
