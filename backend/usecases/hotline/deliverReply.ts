import { postOut } from '../integrations/postOut'
import type { Deps } from '../../deps'
import { DeliveryFailedError, DeliveryRefusedError } from '../../errors'
import type { OutboxMessage } from '../../ports'
import { attemptReason, logAttempt, type Attempt } from '../integrations/deliveryLog'
import type { HotlineReplyPayload } from './replies'
import { partnerSecret } from './partnerSecret'

/** Tries of one reply before the outbox sets it aside (the admin's 发送失败的通知 lists it). */
export const HOTLINE_REPLY_ATTEMPTS = 10

const NOT_SENT: Attempt = { ok: false, httpStatus: null, durationMs: 0, error: null }

/**
 * Sends one reply to its platform's webhook, signed with the partner's secret; every attempt goes
 * into the delivery log under `hotline:<partnerId>` (as the case webhooks' do). A failure throws so
 * the outbox retries with back-off (the same ticket's later replies wait behind it); a revoked
 * partner's replies, or one without an address, are set aside at once.
 */
export async function deliverReply(d: Deps, msg: OutboxMessage): Promise<void> {
  const p = msg.payload as unknown as HotlineReplyPayload
  const last = msg.attempts + 1 >= HOTLINE_REPLY_ATTEMPTS
  const log = (attempt: Attempt, dead: boolean, reason?: string) =>
    logAttempt(d, { target: `hotline:${p.partnerId}`, msg, event: `hotline.${p.body.type}`, caseNumber: p.body.caseNumber, attempt, dead, ...(reason ? { reason } : {}) })
  const partner = await d.store.getPartner(p.partnerId)
  if (!partner || partner.revokedAt || !partner.webhookUrl) {
    const reason = !partner || partner.revokedAt ? '对接平台已停用，回复不再发送' : '对接平台未设置回复地址'
    await log(NOT_SENT, true, reason)
    throw new DeliveryRefusedError(reason, 'partner_unavailable')
  }
  // No key here (a function deployed without JIEFANG_PII_KEY): retried, never sent unsigned.
  const secret = partnerSecret(d.vault, partner)
  if (!secret) {
    const reason = '签名密钥暂不可用'
    await log(NOT_SENT, last, reason)
    throw new DeliveryFailedError(reason, 'no_secret')
  }
  const r = await postOut(d, partner.webhookUrl, secret, msg.id, JSON.stringify(p.body))
  await log(r, !r.ok && last)
  if (!r.ok) throw new DeliveryFailedError(attemptReason(r) ?? '发送失败', r.httpStatus === null ? 'network' : `http_${r.httpStatus}`)
}
