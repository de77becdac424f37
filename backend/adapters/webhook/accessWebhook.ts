import { WebhookAttemptError } from '../../errors'
import type { AccessAttempt, AccessControl, AccessEvent } from '../../ports'
import { postSigned, WEBHOOK_TIMEOUT_MS } from './signedPost'

export { signature, WEBHOOK_TIMEOUT_MS } from './signedPost'

/**
 * The door-access system behind a signed webhook. Only a 2xx is an acknowledgement; anything
 * else, a network error or a timeout throws (WebhookAttemptError, with the try for the delivery
 * log), and the outbox retries with back-off. With no URL configured the event stays undelivered
 * (retried later), never dropped.
 */
export class AccessWebhook implements AccessControl {
  constructor(
    private readonly url: () => string | null,
    private readonly secret: Buffer,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
  ) {}

  async send(e: AccessEvent): Promise<AccessAttempt> {
    const url = this.url()
    if (!url) throw new Error('access webhook URL not configured')
    const r = await postSigned(url, this.secret, e.id, JSON.stringify(e), { timeoutMs: this.timeoutMs })
    if (!r.ok) throw new WebhookAttemptError(`access webhook ${r.error}`, { ...r, ok: false })
    return r
  }
}
