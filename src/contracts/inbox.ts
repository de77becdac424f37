/** Wire contract of the `inbox` function: in-app notices and subscribe-message consent. Types only. */

export interface InboxItemView {
  id: string
  caseId: string | null
  title: string
  body: string
  createdAt: string
  read: boolean
}

export interface InboxApi {
  'inbox.list': { in: { before?: string; limit?: number }; out: { items: InboxItemView[]; next: string | null; unread: number } }
  'inbox.markRead': { in: { ids?: string[]; all?: boolean }; out: { unread: number } }
  /** Subscribe-message template ids to ask consent for, from configuration (empty when none). */
  'inbox.templates': { in: Record<string, never>; out: { templates: { caseStatus: string | null } } }
  /** Records consents the user gave in wx.requestSubscribeMessage (one message each). */
  'inbox.subscribe': { in: { accepted: string[] }; out: { recorded: number } }
}
