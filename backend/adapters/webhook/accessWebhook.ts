import { createHmac } from 'node:crypto'
import type { AccessControl, AccessEvent } from '../../ports'

export const WEBHOOK_TIMEOUT_MS = 5000

/** `sha256=<hex>` over "<timestamp>.<body>": the receiver checks it with the shared secret. */
export function signature(secret: Buffer, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * The door-access system behind a signed webhook. Only a 2xx is an acknowledgement; anything
 * else, a network error or a timeout throws, and the outbox retries with back-off. With no URL
 * configured the event stays undelivered (retried later), never dropped.
 */
export class AccessWebhook implements AccessControl {
  constructor(
    private readonly url: () => string | null,
    private readonly secret: Buffer,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
  ) {}

  async send(e: AccessEvent): Promise<void> {
    const url = this.url()
    if (!url) throw new Error('access webhook URL not configured')
    const body = JSON.stringify(e)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const ctl = new AbortController()
    const timer = setTimeout(() => ctl.abort(), this.timeoutMs)
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-jiefang-event-id': e.id,
          'x-jiefang-timestamp': timestamp,
          'x-jiefang-signature': signature(this.secret, timestamp, body),
        },
        body,
        signal: ctl.signal,
      })
      await res.arrayBuffer().catch(() => undefined)
      if (res.status < 200 || res.status >= 300) throw new Error(`access webhook answered ${res.status}`)
    } catch (err) {
      if (ctl.signal.aborted) throw new Error(`access webhook timed out after ${this.timeoutMs} ms`)
      throw err instanceof Error ? new Error(`access webhook failed: ${err.message}`.slice(0, 200)) : err
    } finally {
      clearTimeout(timer)
    }
  }
}
