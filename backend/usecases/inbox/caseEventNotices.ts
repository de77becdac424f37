import type { Case, CaseKind, TimelineEvent } from '../../../src/core/case'
import { KINDS } from '../../../src/core/kinds'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import type { InboxItem, OutboxMessage } from '../../ports'
import { forTheLiving } from './living'

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
}

/**
 * A case event: an inbox item to everyone its kind's notices name, then a subscribe message to
 * each who still has a consent. Inbox ids are deterministic, so a redelivery writes nothing new.
 */
export async function deliverCaseEvent(d: Deps, msg: OutboxMessage, noticesOf: (kind: string) => CaseNotices): Promise<void> {
  const e = msg.payload as unknown as CaseEventPayload
  const c = await d.store.getCase(e.caseId)
  if (!c) return
  const notices = noticesOf(c.kind)
  let read: Promise<TimelineEvent | undefined> | undefined
  const note: CaseEventNote = { c, e, storedEvent: () => (read ??= d.store.timeline(c.id).then((t) => t.find((x) => x.id === e.eventId))) }
  if (notices.deliverOwn && (await notices.deliverOwn(d, note, msg))) return
  const told = await notices.audience(d, note)
  const caseId = notices.inboxOpensCase ? c.id : null
  const items = await forTheLiving(
    d,
    told.map(({ userId, title, body }): InboxItem => ({ id: `${msg.id}-${userId}`, userId, caseId, title, body, createdAt: msg.createdAt, readAt: null })),
  )
  await d.store.addInbox(items)
  const template = d.config.subscribeTemplates.caseStatus
  if (!template) return
  for (const { userId, title } of told) {
    const u = await d.store.getUser(userId)
    if (!u?.openid || !(await d.store.takeSubscribeQuota(userId, template))) continue
    await d.notifier.sendSubscribe({
      openid: u.openid,
      templateId: template,
      page: notices.page(c, userId),
      data: { thing1: { value: title.slice(0, 20) }, phrase2: { value: labelOf(KINDS[c.kind].statusLabels, c.status).slice(0, 5) }, time3: { value: msg.createdAt.slice(0, 16).replace('T', ' ') } },
    })
  }
}
