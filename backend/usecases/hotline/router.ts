import { verifySignature } from '../../crypto/webhookSignature'
import type { HttpRequest, HttpResponse } from '../shared/httpWire'
import type { Deps } from '../../deps'
import { hotlineError, httpOf } from './answers'
import { takeOrder } from './order'
import { partnerSecret } from './partnerSecret'

const PARTNER_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The 12345 endpoint (`/hotline/v1`): one route, `POST /orders`, signed by the platform with its
 * shared secret over "<timestamp>.<body>" (docs/hotline-12345.md). The partner is checked before
 * anything is read from the body: who it claims to be, its signature, then whether it is still on.
 */
export async function handleHotline(d: Deps, req: HttpRequest): Promise<HttpResponse> {
  const path = req.path.replace(/\/+$/, '') || '/'
  if (path !== '/orders') return httpOf(hotlineError(404, 'NOT_FOUND', '接口不存在，工单请提交到 POST /hotline/v1/orders'))
  if (req.method !== 'POST') return httpOf(hotlineError(405, 'METHOD_NOT_ALLOWED', '请使用 POST 提交工单'), { allow: 'POST' })

  const partnerId = req.headers['x-jiefang-partner'] ?? ''
  if (!PARTNER_ID.test(partnerId) || !req.headers['x-jiefang-signature']) return httpOf(hotlineError(401, 'UNAUTHENTICATED', '缺少对接方编号或签名'))
  const partner = await d.store.getPartner(partnerId)
  if (!partner || partner.kind !== 'hotline') return httpOf(hotlineError(401, 'UNAUTHENTICATED', '对接方编号或签名无效'))
  if (!d.vault) return httpOf(hotlineError(503, 'UNAVAILABLE', '系统暂时无法验证签名，请稍后重试'))
  const secret = partnerSecret(d.vault, partner)
  if (!secret) return httpOf(hotlineError(401, 'UNAUTHENTICATED', '对接方编号或签名无效'))
  // Wall-clock time, as the platform signs: the local demo's clock may be moved forward for SLA demos.
  const verdict = verifySignature(secret, { timestamp: req.headers['x-jiefang-timestamp'], signature: req.headers['x-jiefang-signature'] }, req.body, Math.floor(Date.now() / 1000))
  if (verdict === 'bad_signature') return httpOf(hotlineError(401, 'UNAUTHENTICATED', '对接方编号或签名无效'))
  if (verdict === 'stale') return httpOf(hotlineError(401, 'TIMESTAMP_EXPIRED', '签名时间戳已过期（须在 5 分钟内），请校准时钟后重新签名提交'))
  // Told only to a caller who holds the secret: a stranger cannot learn which partners were revoked.
  if (partner.revokedAt) return httpOf(hotlineError(403, 'FORBIDDEN', '该对接方已停用，请联系区级管理员'))
  return httpOf(await takeOrder(d, partner, req.body))
}
