import { caseEventOf } from '../../../src/core/caseEventMap'
import { CASE_EVENT_LABELS, SUBSCRIBABLE_KIND_LABELS, SUBSCRIBABLE_KINDS, type SubscribableKind } from '../../../src/core/caseEvents'
import { postOut } from './postOut'
import type { Deps } from '../../deps'
import { DeliveryFailedError } from '../../errors'
import type { Case, TimelineEvent } from '../../../src/core/case'
import type { OutboxMessage, WebhookSubscription } from '../../ports'
import { attemptReason, logAttempt, type Attempt } from './deliveryLog'
import { webhookBody } from './webhookBody'

/** One case event to one subscriber: its own outbox message, keyed so a case's events reach a subscriber in order. */
export const WEBHOOK_DELIVERY = 'webhook.delivery'

/** Tries before a delivery is set aside (back-off between them: usecases/inbox/deliver.ts nextAttempt). */
export const WEBHOOK_ATTEMPTS = 10

export interface WebhookDeliveryPayload {
  subscriptionId: string
  /** 'report.accepted' … */
  event: string
  caseNumber: string | null
  /** The JSON sent, fixed when the event was passed on, so every retry sends the same bytes. */
  body: string
  /** How the admin's 发送失败的通知 names it: 京溪-2026-00042 网格事件受理 → 市网格化平台. */
  title: string
}

function isSubscribable(kind: string): kind is SubscribableKind {
  return (SUBSCRIBABLE_KINDS as readonly string[]).includes(kind)
}

/** `sub:<subscription>:<case>`: in order per case per subscriber, one slow case never holding up another. */
export function webhookKey(subscriptionId: string, caseId: string): string {
  return `sub:${subscriptionId}:${caseId}`
}

/**
 * Passes a case event on to every active subscription that selected its kind and event: one
 * `webhook.delivery` message each, its id derived from the event's message and the subscription,
 * so a redelivered event queues nothing twice. Reads the subscriptions first and the timeline row
 * only when someone follows the kind.
 */
export async function tellSubscribers(d: Deps, msg: OutboxMessage, note: { c: Case; storedEvent(): Promise<TimelineEvent | undefined> }): Promise<number> {
  const { c } = note
  const kind = c.kind
  if (!isSubscribable(kind)) return 0
  const following = (await d.store.listSubscriptions()).filter((s) => s.revokedAt === null && (s.events[kind]?.length ?? 0) > 0)
  if (following.length === 0) return 0
  const row = await note.storedEvent()
  if (!row) return 0
  const event = caseEventOf(kind, row.action, row.fromStatus, row.toStatus)
  if (!event) return 0
  const selecting = following.filter((s) => s.events[kind]!.includes(event))
  if (selecting.length === 0) return 0
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  let queued = 0
  for (const s of selecting) {
    const id = `${msg.id}-sub-${s.id}`
    const body = webhookBody(d.config, tree, id, c, kind, event, row)
    const title = `${c.number ?? ''} ${SUBSCRIBABLE_KIND_LABELS[kind]}${CASE_EVENT_LABELS[event]} → ${s.name}`.trim().slice(0, 60)
    const payload: WebhookDeliveryPayload = { subscriptionId: s.id, event: body.event, caseNumber: c.number ?? null, body: JSON.stringify(body), title }
    const fresh = await d.store.enqueueOnce({
      id,
      topic: WEBHOOK_DELIVERY,
      key: webhookKey(s.id, c.id),
      payload: { ...payload },
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      deliveredAt: null,
      lastError: null,
    })
    if (fresh) queued++
  }
  return queued
}

/** The subscriber's own secret (as shown to the admin once), its UTF-8 bytes the HMAC key. */
function secretOf(d: Deps, s: WebhookSubscription): Buffer | string {
  if (!d.vault) return '本系统未配置加密密钥，无法签名'
  try {
    return Buffer.from(d.vault.open(s.secretSealed, s.id), 'utf8')
  } catch {
    return '订阅密钥无法读取'
  }
}

/**
 * Sends one delivery, signed with the subscription's secret; every try is logged. A failure throws
 * so the outbox backs off; the tenth sets it aside (logged as 已放弃). A subscription revoked since
 * gets nothing: the message is settled unsent and logs nothing (the log holds what went out).
 */
export async function deliverWebhook(d: Deps, msg: OutboxMessage): Promise<void> {
  const p = msg.payload as unknown as WebhookDeliveryPayload
  const s = await d.store.getSubscription(p.subscriptionId)
  if (!s || s.revokedAt !== null) return
  const dead = msg.attempts + 1 >= WEBHOOK_ATTEMPTS
  const log = (attempt: Attempt, reason?: string) =>
    logAttempt(d, { target: `sub:${s.id}`, msg, event: p.event, caseNumber: p.caseNumber, attempt, dead: dead && !attempt.ok, ...(reason ? { reason } : {}) })
  const secret = secretOf(d, s)
  if (typeof secret === 'string') {
    await log({ ok: false, httpStatus: null, durationMs: 0, error: 'no secret' }, secret)
    throw new DeliveryFailedError(secret, 'webhook_secret')
  }
  const r = await postOut(d, s.url, secret, msg.id, p.body)
  await log(r)
  if (!r.ok) throw new DeliveryFailedError(attemptReason(r)!, r.httpStatus === null ? 'network' : `http_${r.httpStatus}`)
}
