import { formatFull } from '../../../src/core/time'
import { templateData, type NoticeKind, type SubscribeTemplate } from '../../config/subscribeTemplates'
import type { Deps } from '../../deps'
import { DeliveryRefusedError } from '../../errors'
import type { OutboxMessage } from '../../ports'

/**
 * A WeChat subscribe message to one person is an outbox message of its own (topic below, its own
 * key): its delivered mark is the sent mark of that (notice, recipient), so a repeated delivery of
 * the notice never sends twice, and a push that keeps failing holds back neither the inbox nor
 * the case's later notices.
 */
export const SUBSCRIBE_PUSH = 'subscribe.push'

/** Sends tried before a push that keeps failing is set aside (back-off 5 s … 30 min in between). */
export const PUSH_ATTEMPTS = 5

export interface PushPayload {
  userId: string
  notice: NoticeKind
  templateId: string
  long: boolean
  page: string
  /** The message data, with its title for the administrator's list of failed notices. */
  data: Record<string, { value: string }>
  title: string
}

/** One person to push to, with what the message says. */
export interface PushOffer {
  userId: string
  page: string
  title: string
  status?: string
  /** The instant the notice is about (a session time, or when it happened). */
  at: string
}

/**
 * Queues a push of `notice` to each person who has a consent left (one-time templates spend one;
 * a long-term one only needs to have been accepted). `sourceId` is the notice's own outbox message:
 * the push ids derive from it, so delivering the notice again queues nothing new.
 */
export async function offerPushes(d: Deps, sourceId: string, notice: NoticeKind, offers: readonly PushOffer[]): Promise<number> {
  const t = d.config.subscribeTemplates[notice]
  if (!t) return 0
  let queued = 0
  const now = d.clock.now().toISOString()
  for (const o of offers) {
    const u = await d.store.getUser(o.userId)
    if (!u?.openid || u.deletedAt || !(await consent(d, o.userId, t))) continue
    const msg = pushMessage(sourceId, notice, t, o, now)
    let fresh: boolean
    try {
      fresh = await d.store.enqueueOnce(msg)
    } catch (e) {
      // Not queued: the notice is delivered again later, and takes the consent again then.
      if (!t.long) await d.store.addSubscribeQuota(o.userId, t.id, 1).catch(() => undefined)
      throw e
    }
    if (fresh) queued++
    // Queued already by an earlier delivery of the notice: the consent just taken goes back.
    else if (!t.long) await d.store.addSubscribeQuota(o.userId, t.id, 1)
  }
  return queued
}

/**
 * `offerPushes` for a page of many people (an emergency's 500 members at a time): their users in
 * one read, their consents in one, the pushes an interrupted delivery already queued in one (those
 * take nothing again), the consents taken in one write and the pushes queued in one — five
 * requests for the page instead of three per person. Ids derive from `sourceId` as above.
 */
export async function offerPushPage(d: Deps, sourceId: string, notice: NoticeKind, offers: readonly PushOffer[]): Promise<number> {
  const t = d.config.subscribeTemplates[notice]
  if (!t || offers.length === 0) return 0
  const users = new Map((await d.store.getUsers(offers.map((o) => o.userId))).map((u) => [u.id, u]))
  const bound = offers.filter((o) => users.get(o.userId)?.openid && !users.get(o.userId)?.deletedAt)
  if (bound.length === 0) return 0
  const quotas = await d.store.subscribeQuotasOf(bound.map((o) => o.userId))
  const willing = bound.filter((o) => (quotas.get(o.userId) ?? []).some((q) => q.templateId === t.id && q.remaining > 0))
  if (willing.length === 0) return 0
  const queued = new Set(await d.store.queuedIds(willing.map((o) => pushId(sourceId, o.userId))))
  const fresh = willing.filter((o) => !queued.has(pushId(sourceId, o.userId)))
  if (fresh.length === 0) return 0
  const taken = new Set(t.long ? fresh.map((o) => o.userId) : await d.store.takeSubscribeQuotas(fresh.map((o) => o.userId), t.id))
  const now = d.clock.now().toISOString()
  const msgs = fresh.filter((o) => taken.has(o.userId)).map((o) => pushMessage(sourceId, notice, t, o, now))
  try {
    await d.store.enqueueMany(msgs)
    return msgs.length
  } catch (e) {
    // Not queued: the notice is delivered again later, and takes these consents again then.
    if (!t.long) for (const m of msgs) await d.store.addSubscribeQuota((m.payload as unknown as PushPayload).userId, t.id, 1).catch(() => undefined)
    throw e
  }
}

function pushId(sourceId: string, userId: string): string {
  return `${sourceId}-push-${userId}`
}

function pushMessage(sourceId: string, notice: NoticeKind, t: SubscribeTemplate, o: PushOffer, now: string): OutboxMessage {
  const payload: PushPayload = {
    userId: o.userId,
    notice,
    templateId: t.id,
    long: t.long,
    page: o.page,
    data: templateData(t, { title: o.title, status: o.status, time: formatFull(o.at) }),
    title: o.title.slice(0, 60),
  }
  const id = pushId(sourceId, o.userId)
  return { id, topic: SUBSCRIBE_PUSH, key: id, payload: { ...payload }, createdAt: now, attempts: 0, nextAttemptAt: now, deliveredAt: null, lastError: null }
}

async function consent(d: Deps, userId: string, t: SubscribeTemplate): Promise<boolean> {
  if (!t.long) return d.store.takeSubscribeQuota(userId, t.id)
  return (await d.store.subscribeQuotas(userId)).some((q) => q.templateId === t.id && q.remaining > 0)
}

/** Sends one queued push; a refusal or a failure throws (the outbox retries or sets it aside). */
export async function deliverPush(d: Deps, msg: OutboxMessage): Promise<void> {
  const p = msg.payload as unknown as PushPayload
  const u = await d.store.getUser(p.userId)
  // Deleted since, or no longer a WeChat identity: nobody is left to tell.
  if (!u?.openid || u.deletedAt) return
  await d.notifier.sendSubscribe({ openid: u.openid, templateId: p.templateId, page: p.page, data: p.data, state: d.config.miniprogramState })
}

/** WeChat's "this person takes no (more) messages of this template": 43101, and 43107 for long-term ones. */
const WITHDRAWN = new Set(['43101', '43107'])

/**
 * A push set aside was never sent, so WeChat still holds the consent it would have spent: it goes
 * back to the person's count, unless WeChat said none was left (43101). A long-term subscription
 * WeChat says is off is forgotten, so later notices do not each fail the same way.
 */
export async function pushSetAside(d: Deps, msg: OutboxMessage, err: unknown): Promise<void> {
  const p = msg.payload as unknown as PushPayload
  const withdrawn = err instanceof DeliveryRefusedError && WITHDRAWN.has(err.code)
  if (!p.long) {
    if (!withdrawn) await d.store.addSubscribeQuota(p.userId, p.templateId, 1)
    return
  }
  // A long-term subscription switched off in WeChat: no more tries until the person accepts again.
  if (withdrawn) while (await d.store.takeSubscribeQuota(p.userId, p.templateId));
}

