/** Wire contract of the `inbox` function: in-app notices and subscribe-message consent. Types only. */
import type { z } from 'zod'
import type { empty } from './commonSchemas'
import type * as s from './inboxSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export interface InboxItemView {
  id: string
  caseId: string | null
  /** The page a tap opens ('/pages/…?id=…'), or null when the notice opens nothing. */
  page: string | null
  title: string
  body: string
  createdAt: string
  read: boolean
}

/** The kinds of notice that may also go out as a WeChat subscribe message (backend/config/subscribeTemplates.ts). */
export type NoticeKind = 'caseProgress' | 'mediation' | 'checkinDecision' | 'gridEmergency' | 'help'

/** A template the app asks consent for; `long` for a long-term subscription (one consent, many messages). */
export interface SubscribeTemplateView {
  id: string
  long: boolean
}

export interface InboxApi {
  'inbox.list': { in: In<'inboxPage'>; out: { items: InboxItemView[]; next: string | null; unread: number } }
  'inbox.markRead': { in: In<'markRead'>; out: { unread: number } }
  /** Subscribe-message templates to ask consent for, per kind of notice, from configuration (null when none). */
  'inbox.templates': { in: z.infer<typeof empty>; out: { templates: Record<NoticeKind, SubscribeTemplateView | null> } }
  /** Records consents the user gave in wx.requestSubscribeMessage (one message each). */
  'inbox.subscribe': { in: In<'subscribe'>; out: { recorded: number } }
}
