/**
 * Wire contract of the `integrations` function (对外接口): Open311 keys and 12345 platforms that
 * call in, case-event subscriptions that go out, and the log of every delivery attempt. District
 * administrators only. Inputs are inferred from integrationSchemas.ts. A key or secret is answered
 * once, by the action that makes it; no list ever carries one (nor a hash of one).
 */
import type { z } from 'zod'
import type { CaseEventName, SubscribableKind } from '../core/caseEvents'
import type * as c from './commonSchemas'
import type * as s from './integrationSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>
type Empty = z.infer<typeof c.empty>

export type PartnerKindCode = 'open311' | 'hotline'

/** A system that calls in: an Open311 client (by API key) or a 12345 platform (by shared secret). */
export interface PartnerView {
  id: string
  kind: PartnerKindCode
  /** 「Open311 接口」 or 「12345 热线」. */
  kindLabel: string
  name: string
  /** Open311: the key's last four characters (「…a1B2」 on screen), so the admin can tell keys apart; null for 12345. */
  keyHint: string | null
  /** The jurisdiction_id the key is bound to (the district's code, which the partner sends with each request). */
  jurisdiction: string
  /** The district's name for that code. */
  jurisdictionName: string
  /** 12345: where replies (受理, 办结, 回访) are sent; null for Open311. */
  webhookUrl: string | null
  /** Shanghai time: 2026年12月7日 14:05. */
  created: string
  /** Shanghai time it was revoked, or null while in use. */
  revoked: string | null
  /** 「使用中」 or 「已停用」. */
  statusLabel: string
}

/** One kind's events as chosen: 网格事件：受理、办结. */
export interface SubscriptionEventsView {
  kind: SubscribableKind
  kindLabel: string
  events: CaseEventName[]
  eventLabels: string[]
  /** 「网格事件：受理、办结」. */
  text: string
}

export interface SubscriptionView {
  id: string
  name: string
  url: string
  events: SubscriptionEventsView[]
  created: string
  revoked: string | null
  statusLabel: string
}

/** One delivery attempt, in words. */
export interface DeliveryView {
  id: string
  /** 「网格事件 · 受理」, 「门禁授权」, 「12345 回复 · 办结」. */
  event: string
  /** 京溪-2026-00042, or null when the event is not about a case people number. */
  caseNumber: string | null
  attempt: number
  /** 「第 3 次」. */
  attemptText: string
  ok: boolean
  /** 「成功」 or 「失败：对方返回 HTTP 500」. */
  result: string
  httpStatus: number | null
  /** The outbox gave up after this attempt (dead letter). */
  dead: boolean
  /** 「已放弃」 when dead, else null. */
  deadLabel: string | null
  /** Shanghai time: 2026年12月7日 14:05. */
  at: string
}

export interface IntegrationsApi {
  /** Every Open311 key and 12345 platform, newest first, revoked ones included. */
  'integrations.partners': { in: Empty; out: { partners: PartnerView[] } }
  /** Issues an Open311 API key bound to the district; `key` (jf311_…) is answered this once. */
  'integrations.issueKey': { in: In<'issueKey'>; out: { partner: PartnerView; key: string } }
  /** Adds a 12345 platform; `secret` (signs both ways) is answered this once. */
  'integrations.addHotline': { in: In<'addHotline'>; out: { partner: PartnerView; secret: string } }
  /** The key or platform stops working at once; revoking it again answers ILLEGAL_TRANSITION 「…已停用」. */
  'integrations.revokePartner': { in: In<'revokePartner'>; out: { partner: PartnerView } }
  'integrations.subscriptions': { in: Empty; out: { subscriptions: SubscriptionView[] } }
  /** Subscribes a URL to case events; `secret` (verifies our signatures) is answered this once. */
  'integrations.subscribe': { in: In<'subscribe'>; out: { subscription: SubscriptionView; secret: string } }
  /** Nothing more is sent to it; revoking it again answers ILLEGAL_TRANSITION 「该订阅已停用」. */
  'integrations.revokeSubscription': { in: In<'revokeSubscription'>; out: { subscription: SubscriptionView } }
  /** 20 attempts per page, newest first; `next` is the `before` of the following page, null at the end. */
  'integrations.deliveries': { in: In<'deliveries'>; out: { targetName: string; rows: DeliveryView[]; next: string | null } }
}
