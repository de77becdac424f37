/**
 * The inbox/outbox aggregate: messages waiting to go out (delivered in order per key), the
 * in-app inbox they land in, and the WeChat subscribe-message consents they spend.
 */

export interface OutboxMessage {
  id: string
  topic: string
  /** Messages with the same key are delivered in order (the case id). */
  key: string
  payload: Record<string, unknown>
  createdAt: string
  attempts: number
  nextAttemptAt: string
  /** When the outbox was done with it: sent, or set aside for good (then `deadAt` too). */
  deliveredAt: string | null
  /** The last failure; for a message set aside, why, in Chinese (the administrator reads it). */
  lastError: string | null
  /** Set aside without being delivered (dead letter): refused for good, or failed too often. */
  deadAt?: string
}

/** One in-app message to one user (站内信); delivery state lives in the outbox, not here. */
export interface InboxItem {
  /** Deterministic (message id + user) so a redelivered message writes nothing new. */
  id: string
  userId: string
  caseId: string | null
  /**
   * The page a tap opens (the case's own page for this reader: a mediation case, a 一键求助, a
   * report); null or absent opens nothing. Items stored before it existed read as null.
   */
  page?: string | null
  title: string
  body: string
  createdAt: string
  readAt: string | null
}

export interface NotificationTx {
  enqueue(msg: OutboxMessage): Promise<void>
}

export interface NotificationRepo {
  /** Undelivered messages due at `now`, oldest first, at most one (the oldest) per key. */
  dueMessages(now: string, limit: number): Promise<OutboxMessage[]>
  markDelivered(id: string, at: string): Promise<void>
  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void>
  /** Moves an unsettled message's next try to `nextAttemptAt` without counting a try (its receiver just failed on another message). */
  postpone(id: string, nextAttemptAt: string): Promise<void>
  /** Sets a message aside for good with its reason: it counts as settled and is never tried again. */
  markDead(id: string, reason: string, at: string): Promise<void>
  /** Messages set aside, newest first (the administrator's list of failed notices). */
  deadLetters(limit: number): Promise<OutboxMessage[]>
  /** Writes the message unless one with its id exists; false when it did (a repeated delivery). */
  enqueueOnce(msg: OutboxMessage): Promise<boolean>
  /** Which of these message ids are in the outbox already (a fan-out resumed after a crash). */
  queuedIds(ids: readonly string[]): Promise<string[]>
  /**
   * Writes many messages at once (a fan-out's page: one transaction on SQLite, one insert on
   * CloudBase); a message whose id is there already is kept as it was. Nothing is answered: a
   * CloudBase batch cut short by a duplicate does not say which of its documents it wrote.
   */
  enqueueMany(msgs: readonly OutboxMessage[]): Promise<void>

  /** Inserts items, ignoring ids that already exist. */
  addInbox(items: readonly InboxItem[]): Promise<void>
  /** Newest first; `before` is an item id from the previous page. */
  listInbox(userId: string, opts: { before?: string; limit?: number }): Promise<InboxItem[]>
  countUnread(userId: string): Promise<number>
  /** Marks the user's items read (all of them when ids is 'all'); returns how many changed. */
  markInboxRead(userId: string, ids: readonly string[] | 'all', at: string): Promise<number>

  /** WeChat subscribe messages are one consent, one message: this counts them per template. */
  addSubscribeQuota(userId: string, templateId: string, n: number): Promise<void>
  /** Uses one consent if there is any; false when none is left. */
  takeSubscribeQuota(userId: string, templateId: string): Promise<boolean>
  /**
   * Uses one consent of each user who has one left, in one write; those it was taken from. On
   * CloudBase (one conditional multi-update, which answers a count) all are returned: a consent
   * spent by another delivery in between is not told apart, and WeChat refuses that push (43101).
   */
  takeSubscribeQuotas(userIds: readonly string[], templateId: string): Promise<string[]>

  /** The user's subscribe consents per template (those with none left included), by template id. */
  subscribeQuotas(userId: string): Promise<Array<{ templateId: string; remaining: number }>>
  /** The consents of many users at once (everyone a help request reaches), by user; one with none is absent. */
  subscribeQuotasOf(userIds: readonly string[]): Promise<Map<string, Array<{ templateId: string; remaining: number }>>>
  /** Account deletion: every inbox item and subscribe consent of the user goes; how many items went. */
  removeInboxAndQuotas(userId: string): Promise<number>
}
