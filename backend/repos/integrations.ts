import type { EventSelection } from '../../src/core/caseEvents'

/**
 * Outside systems (对外接口): partners that call in (Open311 clients by API key, 12345 platforms by
 * shared secret), subscribers that case events go out to, and the log of every delivery attempt.
 */

export type PartnerKind = 'open311' | 'hotline'

export interface IntegrationPartner {
  id: string
  kind: PartnerKind
  /** As the admin named it: 广州市12345政务服务便民热线, 市网格化平台. */
  name: string
  /** Open311's jurisdiction_id the key is bound to (the district code); a hotline's district too. */
  jurisdictionId: string
  /** Open311: sha256 hex of the API key (the key itself is shown once, never stored). */
  keyHash: string | null
  /** The key's last four characters, so the admin can tell keys apart. */
  keyHint: string | null
  /** 12345: the shared secret, sealed by the vault (it signs both ways, so it must be recoverable). */
  secretSealed: string | null
  /** 12345: where replies (受理, 办结, 回访) are POSTed. */
  webhookUrl: string | null
  createdAt: string
  createdBy: string
  revokedAt: string | null
}

export interface WebhookSubscription {
  id: string
  name: string
  url: string
  /** The subscriber's own secret, sealed by the vault; shown to the admin once at creation. */
  secretSealed: string
  events: EventSelection
  createdAt: string
  createdBy: string
  revokedAt: string | null
}

/** Whom a delivery went to: a subscription, a 12345 partner, or the door-access system. */
export type DeliveryTarget = `sub:${string}` | `hotline:${string}` | 'access'

/** One delivery attempt, as the admin reads it in the delivery log. */
export interface DeliveryRecord {
  id: string
  target: DeliveryTarget
  /** The outbox message delivered (its attempts share it). */
  messageId: string
  /** 'report.accepted', 'access.grant', 'hotline.resolved'… */
  event: string
  /** The case's number people read, when the event is about a case. */
  caseNumber: string | null
  attempt: number
  at: string
  ok: boolean
  httpStatus: number | null
  durationMs: number
  /** Why it failed, in Chinese; null when delivered. */
  error: string | null
  /** This attempt was the last: the outbox set the message aside (dead letter). */
  dead: boolean
}

export interface IntegrationRepo {
  addPartner(p: IntegrationPartner): Promise<void>
  getPartner(id: string): Promise<IntegrationPartner | null>
  /** The partner holding this key hash, revoked ones included (the caller refuses those). */
  partnerByKeyHash(keyHash: string): Promise<IntegrationPartner | null>
  /** Newest first, revoked ones included. */
  listPartners(kind?: PartnerKind): Promise<IntegrationPartner[]>
  /** False when there is no such partner or it was already revoked. */
  revokePartner(id: string, at: string): Promise<boolean>

  addSubscription(s: WebhookSubscription): Promise<void>
  getSubscription(id: string): Promise<WebhookSubscription | null>
  /** Newest first, revoked ones included. */
  listSubscriptions(): Promise<WebhookSubscription[]>
  revokeSubscription(id: string, at: string): Promise<boolean>

  logDelivery(r: DeliveryRecord): Promise<void>
  /** A target's attempts, newest first; `before` is the `at`+`id` cursor of the previous page's last row. */
  deliveries(target: DeliveryTarget, opts: { before?: { at: string; id: string }; limit: number }): Promise<DeliveryRecord[]>
}
