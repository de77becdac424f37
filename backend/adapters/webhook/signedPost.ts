import type { PostResult } from '../../ports'
import { signature } from '../../crypto/webhookSignature'

export { signature, SIGNATURE_WINDOW_SECONDS, verifySignature } from '../../crypto/webhookSignature'
export type { PostResult } from '../../ports'

export const WEBHOOK_TIMEOUT_MS = 5000

/**
 * POSTs `body` signed with `secret`: headers x-jiefang-event-id / -timestamp / -signature, exactly
 * as the door-access webhook always sent them. Only a 2xx acknowledges; never throws.
 */
export async function postSigned(
  url: string,
  secret: Buffer,
  eventId: string,
  body: string,
  opts: { timeoutMs?: number; nowSeconds?: number } = {},
): Promise<PostResult> {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  const timestamp = String(opts.nowSeconds ?? Math.floor(Date.now() / 1000))
  const ctl = new AbortController()
  const timer = setTimeout(() => ctl.abort(), timeoutMs)
  const started = Date.now()
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-jiefang-event-id': eventId,
        'x-jiefang-timestamp': timestamp,
        'x-jiefang-signature': signature(secret, timestamp, body),
      },
      body,
      signal: ctl.signal,
    })
    await res.arrayBuffer().catch(() => undefined)
    const ok = res.status >= 200 && res.status < 300
    return { ok, httpStatus: res.status, durationMs: Date.now() - started, error: ok ? null : `answered ${res.status}` }
  } catch (err) {
    const error = ctl.signal.aborted ? `timed out after ${timeoutMs} ms` : `failed: ${err instanceof Error ? err.message : 'unknown'}`.slice(0, 200)
    return { ok: false, httpStatus: null, durationMs: Date.now() - started, error }
  } finally {
    clearTimeout(timer)
  }
}
