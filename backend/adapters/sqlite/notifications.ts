/** SQLite side of the inbox/outbox aggregate: the outbox, the in-app inbox and subscribe-message consents. */
import type { NotificationRepo, NotificationTx, OutboxMessage } from '../../ports'
import { INBOX_FIELDS, OUTBOX_FIELDS } from '../tables'
import { inboxLimit } from '../limits'
import { instant, rowMapper } from './rows'
import { jsonList, type SqliteAccess, type TxUse } from './statements'

const outboxRows = rowMapper(OUTBOX_FIELDS)
const inboxRows = rowMapper(INBOX_FIELDS)
const INSERT_MESSAGE = outboxRows.insertSql('outbox')
const INSERT_MESSAGE_ONCE = outboxRows.insertSql('outbox', 'ON CONFLICT (id) DO NOTHING')
const INSERT_INBOX = inboxRows.insertSql('inbox', 'ON CONFLICT (id) DO NOTHING')

/**
 * Per key only the oldest undelivered message may go, and only once it is due: a later
 * message of a key never overtakes an earlier one that keeps failing.
 */
const DUE_MESSAGES = `SELECT o.* FROM outbox o
  WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ?
    AND NOT EXISTS (
      SELECT 1 FROM outbox p
      WHERE p.key = o.key AND p.delivered_at IS NULL
        AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.seq < o.seq)))
  ORDER BY o.created_at, o.seq
  LIMIT ?`

export function sqliteNotificationTx(use: TxUse): NotificationTx {
  return {
    enqueue: (msg: OutboxMessage) =>
      use((s) => {
        s.get(INSERT_MESSAGE).run(outboxRows.toRow(msg))
      }),
  }
}

export function sqliteNotifications(db: SqliteAccess): NotificationRepo {
  return {
    dueMessages: (now, limit) =>
      db.read('dueMessages', (s) => {
        const n = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0
        if (n === 0) return []
        return outboxRows.all(s, DUE_MESSAGES, instant(now), n)
      }),
    // The first delivery time stands; a duplicate acknowledgement changes nothing.
    markDelivered: (id, at) =>
      db.write('markDelivered', (s) => {
        s.get('UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(instant(at), id)
      }),
    markFailed: (id, error, nextAttemptAt) =>
      db.write('markFailed', (s) => {
        s.get('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL').run(
          error,
          instant(nextAttemptAt),
          id,
        )
      }),
    postpone: (id, nextAttemptAt) =>
      db.write('postpone', (s) => {
        s.get('UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL').run(instant(nextAttemptAt), id)
      }),
    // Only an unsettled message: a late failure never turns a delivered one into a dead letter.
    markDead: (id, reason, at) =>
      db.write('markDead', (s) => {
        const when = instant(at)
        s.get('UPDATE outbox SET attempts = attempts + 1, last_error = ?, dead_at = ?, delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(reason, when, when, id)
      }),
    deadLetters: (limit) =>
      db.read('deadLetters', (s) => outboxRows.all(s, 'SELECT * FROM outbox WHERE dead_at IS NOT NULL ORDER BY dead_at DESC, seq DESC LIMIT ?', Math.max(0, Math.min(500, Math.floor(limit) || 0)))),
    enqueueOnce: (msg) =>
      db.write('enqueueOnce', (s) => s.get(INSERT_MESSAGE_ONCE).run(outboxRows.toRow(msg)).changes === 1),
    queuedIds: async (ids) => {
      if (ids.length === 0) return []
      return db.read('queuedIds', (s) =>
        (s.get('SELECT id FROM outbox WHERE id IN (SELECT value FROM json_each(?))').all(jsonList([...new Set(ids)])) as Array<{ id: string }>).map((r) => r.id),
      )
    },
    async enqueueMany(msgs) {
      // Rows are mapped first, so a message with a bad instant fails before anything is written.
      const rows = msgs.map(outboxRows.toRow)
      if (rows.length === 0) return
      await db.write('enqueueMany', (s) => {
        const insert = s.get(INSERT_MESSAGE_ONCE)
        for (const row of rows) insert.run(row)
      })
    },

    async addInbox(items) {
      // Rows are mapped first, so an item with a bad instant fails before anything is written.
      const rows = items.map(inboxRows.toRow)
      if (rows.length === 0) return db.read('addInbox', () => undefined)
      return db.write('addInbox', (s) => {
        const insert = s.get(INSERT_INBOX)
        for (const r of rows) insert.run(r)
      })
    },
    listInbox: (userId, opts = {}) =>
      db.read('listInbox', (s) => {
        const limit = inboxLimit(opts.limit)
        return opts.before === undefined
          ? inboxRows.all(s, 'SELECT * FROM inbox WHERE user_id = ? ORDER BY id DESC LIMIT ?', userId, limit)
          : inboxRows.all(s, 'SELECT * FROM inbox WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?', userId, opts.before, limit)
      }),
    countUnread: (userId) =>
      db.read('countUnread', (s) => (s.get('SELECT COUNT(*) AS n FROM inbox WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n),
    async markInboxRead(userId, ids, at) {
      const readAt = instant(at)
      if (ids !== 'all' && ids.length === 0) return db.read('markInboxRead', () => 0)
      // Only the user's own unread items: another user's ids and already-read items (whose first
      // read time stands) change nothing and are not counted.
      return db.write('markInboxRead', (s) =>
        ids === 'all'
          ? s.get('UPDATE inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(readAt, userId).changes
          : s
              .get('UPDATE inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))')
              .run(readAt, userId, jsonList(ids)).changes,
      )
    },

    /** n that is not a positive integer adds nothing (a consent cannot be withdrawn here). */
    async addSubscribeQuota(userId, templateId, n) {
      if (!Number.isInteger(n) || n <= 0) return db.read('addSubscribeQuota', () => undefined)
      return db.write('addSubscribeQuota', (s) => {
        s.get(
          `INSERT INTO subscribe_quota (user_id, template_id, remaining) VALUES (?, ?, ?)
           ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = remaining + excluded.remaining`,
        ).run(userId, templateId, n)
      })
    },
    /** One conditional UPDATE: two callers can never both take the last consent. */
    takeSubscribeQuota: (userId, templateId) =>
      db.write(
        'takeSubscribeQuota',
        (s) => s.get('UPDATE subscribe_quota SET remaining = remaining - 1 WHERE user_id = ? AND template_id = ? AND remaining > 0').run(userId, templateId).changes === 1,
      ),
    async takeSubscribeQuotas(userIds, templateId) {
      if (userIds.length === 0) return db.read('takeSubscribeQuotas', () => [])
      return db.write('takeSubscribeQuotas', (s) => {
        const take = s.get('UPDATE subscribe_quota SET remaining = remaining - 1 WHERE user_id = ? AND template_id = ? AND remaining > 0')
        return [...new Set(userIds)].filter((u) => take.run(u, templateId).changes === 1)
      })
    },
    subscribeQuotasOf: async (userIds) => {
      if (userIds.length === 0) return new Map()
      const rows = await db.read('subscribeQuotasOf', (s) =>
        s.get('SELECT user_id, template_id, remaining FROM subscribe_quota WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY user_id, template_id').all(jsonList([...new Set(userIds)])) as Array<{ user_id: string; template_id: string; remaining: number }>,
      )
      const out = new Map<string, Array<{ templateId: string; remaining: number }>>()
      for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), { templateId: r.template_id, remaining: r.remaining }])
      return out
    },
    subscribeQuotas: (userId) =>
      db.read('subscribeQuotas', (s) =>
        (s.get('SELECT template_id, remaining FROM subscribe_quota WHERE user_id = ? ORDER BY template_id').all(userId) as Array<{ template_id: string; remaining: number }>).map(
          (r) => ({ templateId: r.template_id, remaining: r.remaining }),
        ),
      ),
    removeInboxAndQuotas: (userId) =>
      db.write('removeInboxAndQuotas', (s) => {
        s.get('DELETE FROM subscribe_quota WHERE user_id = ?').run(userId)
        return s.get('DELETE FROM inbox WHERE user_id = ?').run(userId).changes
      }),
  }
}
