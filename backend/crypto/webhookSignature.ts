import { createHmac, timingSafeEqual } from 'node:crypto'

/** How far a receiver may trust a delivery's timestamp from its own clock (replay window). */
export const SIGNATURE_WINDOW_SECONDS = 300

/** `sha256=<hex>` over "<timestamp>.<body>": the receiver checks it with the shared secret. */
export function signature(secret: Buffer | string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * What a receiver does with a delivery (and what we do with a 12345 platform's signed request):
 * the signature must match the body and timestamp, and the timestamp lie within the window of
 * `nowSeconds`, so a captured delivery replayed later is refused.
 */
export function verifySignature(
  secret: Buffer | string,
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
