import type { Case, CaseKind, TimelineEvent } from '../../../src/core/case'
import { KINDS } from '../../../src/core/kinds'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import type { InboxItem, OutboxMessage } from '../../ports'
import type { NoticeKind } from '../../config/subscribeTemplates'
import { tellSubscribers } from '../integrations/caseWebhooks'
import { pushTitle } from './caseName'
import { forTheLiving } from './living'
import { offerPushes } from './push'

/** The payload of a `case.event` outbox message (usecases/persist.ts caseEventMessage). */
export interface CaseEventPayload {
  caseId: string
  eventId: string
  action: string
  toStatus: string
  actorId: string
}

/** One case event as its kind's notices see it. */
export interface CaseEventNote {
  c: Case
  e: CaseEventPayload
  /** The event's stored row (visibility, who moved), read once and only if a rule needs it. */
  storedEvent(): Promise<TimelineEvent | undefined>
}

/** One person told of an event, in the words meant for them. */
export interface Telling {
  userId: string
  title: string
  body: string
}

/** How the events of one case kind are told: who hears, in what words, and where a tap leads. */
export interface CaseNotices {
  kind: CaseKind
  /** Every page `page` may link to (tests check them against src/app.config.ts). */
  pages: readonly string[]
  /** Whether the inbox item opens the case (a check-in has no case page the inbox can open). */
  inboxOpensCase: boolean
  /**
   * For events told in a way of their own (moderation, to the reporter alone): delivers and
   * answers true; false leaves the event to `audience`.
   */
  deliverOwn?(d: Deps, note: CaseEventNote, msg: OutboxMessage): Promise<boolean>
  /** Everyone who hears of the event and what each is told; never whoever caused it. */
  audience(d: Deps, note: CaseEventNote): Promise<Telling[]>
  /** The page a subscribe message to this user opens. */
  page(c: Case, userId: string): string
  /**
   * Which WeChat subscribe message the kind's events go out as. A one-time consent buys one
   * message, so only the key events spend it; a long-term template takes every event told.
   */
  push?: {
    notice: NoticeKind
    keyEvent(e: CaseEventPayload): boolean
    /** The time the message names, when it is not the event's (a mediation session's). */
    at?(c: Case, e: CaseEventPayload): string | undefined
  }
}

/**
 * A case event: a webhook delivery queued for each subscribed outside system (usecases/integrations),
 * an inbox item to everyone its kind's notices name, then a subscribe message queued for each who
 * still has a consent (sent on its own, usecases/inbox/push.ts). Delivery, inbox and push ids are
 * deterministic, so a redelivery writes and queues nothing new.
 */
export async function deliverCaseEvent(d: Deps, msg: OutboxMessage, noticesOf: (kind: string) => CaseNotices): Promise<void> {
  const e = msg.payload as unknown as CaseEventPayload
  const c = await d.store.getCase(e.caseId)
  if (!c) return
  const notices = noticesOf(c.kind)
  let read: Promise<TimelineEvent | undefined> | undefined
  const note: CaseEventNote = { c, e, storedEvent: () => (read ??= d.store.timeline(c.id).then((t) => t.find((x) => x.id === e.eventId))) }
  // Outside systems follow every event of a kind they subscribed to, whoever inside is told of it.
  await tellSubscribers(d, msg, note)
  if (notices.deliverOwn && (await notices.deliverOwn(d, note, msg))) return
  const told = await notices.audience(d, note)
  const caseId = notices.inboxOpensCase ? c.id : null
  const items = await forTheLiving(
    d,
    told.map(({ userId, title, body }): InboxItem => ({ id: `${msg.id}-${userId}`, userId, caseId, page: caseId && notices.page(c, userId), title, body, createdAt: msg.createdAt, readAt: null })),
  )
  await d.store.addInbox(items)
  const push = notices.push
  const t = push && d.config.subscribeTemplates[push.notice]
  if (!push || !t || (!t.long && !push.keyEvent(e))) return
  const at = push.at?.(c, e) ?? msg.createdAt
  const status = labelOf(KINDS[c.kind].statusLabels, e.toStatus)
  await offerPushes(
    d,
    msg.id,
    push.notice,
    told.map(({ userId, title }) => ({ userId, page: notices.page(c, userId), title: pushTitle(c, title), status, at })),
  )
}
