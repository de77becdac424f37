import { postSigned, WEBHOOK_TIMEOUT_MS, type PostResult } from '../../adapters/webhook/signedPost'
import type { Deps } from '../../deps'
import { DeliveryFailedError, DeliveryRefusedError } from '../../errors'
import type { DeliveryTarget, OutboxMessage } from '../../ports'
import type { HotlineReplyPayload } from './replies'
import { partnerSecret } from './partnerSecret'

/** Tries of one reply before the outbox sets it aside (the admin's 发送失败的通知 lists it). */
export const HOTLINE_REPLY_ATTEMPTS = 10

/** Why an attempt failed, in Chinese for the admin's delivery log. */
export function failureReason(r: PostResult, timeoutMs = WEBHOOK_TIMEOUT_MS): string {
  if (r.httpStatus !== null) return `对方返回 HTTP ${r.httpStatus}`
  if (r.error?.startsWith('timed out')) return `对方 ${Math.round(timeoutMs / 1000)} 秒内未应答`
  return '无法连接对方地址'
}

/**
 * Sends one reply to its platform's webhook, signed with the partner's secret; every attempt goes
 * into the delivery log under `hotline:<partnerId>`. A failure throws so the outbox retries with
 * back-off (the same ticket's later replies wait behind it); a revoked partner's replies are set aside.
 */
export async function deliverReply(d: Deps, msg: OutboxMessage): Promise<void> {
  const p = msg.payload as unknown as HotlineReplyPayload
  const target: DeliveryTarget = `hotline:${p.partnerId}`
  const attempt = msg.attempts + 1
  const log = (ok: boolean, r: Pick<PostResult, 'httpStatus' | 'durationMs'>, error: string | null, dead: boolean) =>
    d.store.logDelivery({
      id: d.newId(),
      target,
      messageId: msg.id,
      event: `hotline.${p.body.type}`,
      caseNumber: p.body.caseNumber,
      attempt,
      at: d.clock.now().toISOString(),
      ok,
      httpStatus: r.httpStatus,
      durationMs: r.durationMs,
      error,
      dead,
    })
  const partner = await d.store.getPartner(p.partnerId)
  const none = { httpStatus: null, durationMs: 0 }
  if (!partner || partner.revokedAt) {
    const reason = '对接平台已停用，回复不再发送'
    await log(false, none, reason, true)
    throw new DeliveryRefusedError(reason, 'partner_revoked')
  }
  if (!partner.webhookUrl) {
    const reason = '对接平台未设置回复地址'
    await log(false, none, reason, true)
    throw new DeliveryRefusedError(reason, 'no_webhook_url')
  }
  // No key here (a function deployed without JIEFANG_PII_KEY): retried, never sent unsigned.
  const secret = partnerSecret(d.vault, partner)
  if (!secret) {
    const reason = '签名密钥暂不可用'
    await log(false, none, reason, attempt >= HOTLINE_REPLY_ATTEMPTS)
    throw new DeliveryFailedError(reason, 'no_secret')
  }
  const r = await postSigned(partner.webhookUrl, secret, msg.id, JSON.stringify(p.body))
  if (r.ok) return void (await log(true, r, null, false))
  const reason = failureReason(r)
  await log(false, r, reason, attempt >= HOTLINE_REPLY_ATTEMPTS)
  throw new DeliveryFailedError(reason, r.httpStatus === null ? 'network' : `http_${r.httpStatus}`)
}
