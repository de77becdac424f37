import { createHmac, timingSafeEqual } from 'node:crypto'

export const WEBHOOK_TIMEOUT_MS = 5000

/** How far a receiver may trust a delivery's timestamp from its own clock (replay window). */
export const SIGNATURE_WINDOW_SECONDS = 300

/** `sha256=<hex>` over "<timestamp>.<body>": the receiver checks it with the shared secret. */
export function signature(secret: Buffer, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * What a receiver does with a delivery (and what we do with a 12345 platform's signed request):
 * the signature must match the body and timestamp, and the timestamp lie within the window of
 * `nowSeconds`, so a captured delivery replayed later is refused.
 */
export function verifySignature(
  secret: Buffer,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  windowSeconds = SIGNATURE_WINDOW_SECONDS,
): 'ok' | 'bad_signature' | 'stale' {
  const ts = headers.timestamp ?? ''
  if (!/^\d{1,12}$/.test(ts) || !headers.signature) return 'bad_signature'
  const want = Buffer.from(signature(secret, ts, body))
  const got = Buffer.from(headers.signature)
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'bad_signature'
  return Math.abs(nowSeconds - Number(ts)) > windowSeconds ? 'stale' : 'ok'
}

/** One attempt's result, for the delivery log. */
export interface PostResult {
  ok: boolean
  httpStatus: number | null
  durationMs: number
  /** Why it failed, short (English, for the outbox's last error; the log shows a Chinese reason). */
  error: string | null
}

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
