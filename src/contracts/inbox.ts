/** Wire contract of the `inbox` function: in-app notices and subscribe-message consent. Types only. */
import type { z } from 'zod'
import type { empty } from './commonSchemas'
import type * as s from './inboxSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export interface InboxItemView {
  id: string
  caseId: string | null
  title: string
  body: string
  createdAt: string
  read: boolean
}

export interface InboxApi {
  'inbox.list': { in: In<'inboxPage'>; out: { items: InboxItemView[]; next: string | null; unread: number } }
  'inbox.markRead': { in: In<'markRead'>; out: { unread: number } }
  /** Subscribe-message template ids to ask consent for, from configuration (empty when none). */
  'inbox.templates': { in: z.infer<typeof empty>; out: { templates: { caseStatus: string | null } } }
  /** Records consents the user gave in wx.requestSubscribeMessage (one message each). */
  'inbox.subscribe': { in: In<'subscribe'>; out: { recorded: number } }
}
