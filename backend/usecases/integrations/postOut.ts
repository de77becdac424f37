import type { Deps } from '../../deps'
import type { PostResult } from '../../ports'

/** A signed POST through the wiring's port; a hand-made Deps without one fails the attempt (retried), never sends unsigned. */
export async function postOut(d: Deps, url: string, secret: Buffer, eventId: string, body: string): Promise<PostResult> {
  if (!d.webhooks) return { ok: false, httpStatus: null, durationMs: 0, error: 'failed: outbound webhooks not wired' }
  return d.webhooks.post(url, secret, eventId, body)
}
