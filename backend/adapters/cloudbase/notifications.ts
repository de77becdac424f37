/** CloudBase side of the inbox/outbox aggregate: the outbox, the in-app inbox and subscribe-message consents. */
import { StoreUnavailableError } from '../../errors'
import type { NotificationRepo, NotificationTx, OutboxMessage } from '../../ports'
import { inboxLimit } from '../limits'
import { INBOX_FIELDS, OUTBOX_FIELDS } from '../tables'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { all, answered, byId, byIds, checked, compoundId, docsOf, nextSeq, PAGE, removed, type CloudbaseAccess, type Coll } from './db'
import { docMapper, instant } from './docs'

/** `seq` breaks ties between messages created in the same millisecond (insertion order). */
const outboxDocs = docMapper('jf_outbox', OUTBOX_FIELDS, 'id')
const inboxDocs = docMapper('jf_inbox', INBOX_FIELDS, 'id')
/** Documents in one insert request of a fan-out (a page of a street's 50,000 members). */
const FAN_OUT = 500

export function cloudbaseNotificationTx(coll: Coll): NotificationTx {
  return {
    enqueue: async (msg) => void checked(await guard(() => coll('outbox').add(outboxDocs.toDoc(msg, { seq: nextSeq() })))),
  }
}

export function cloudbaseNotifications(c: CloudbaseAccess): NotificationRepo {
  const _ = c.db.command

  /**
   * Inserts the documents whose id is not there yet, FAN_OUT in one insert request (outside a
   * transaction, which takes one document a request). Ids are deterministic, so
   * a duplicate is the same item written by an earlier, interrupted delivery: then the page's
   * existing ids are read (one `_id in` query) and the rest inserted, one by one only if that
   * meets a duplicate again (another delivery running at the same time).
   */
  const addNew = async <T extends { id: string }>(key: 'outbox' | 'inbox', items: readonly T[], toDoc: (item: T) => Record<string, unknown>): Promise<void> => {
    const insert = async (page: readonly T[]): Promise<boolean> => {
      if (page.length === 0) return true
      try {
        checked(await c.coll(key).add(page.map(toDoc)))
        return true
      } catch (e) {
        if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
        return false
      }
    }
    for (let i = 0; i < items.length; i += FAN_OUT) {
      const seen = new Set<string>()
      const page = items.slice(i, i + FAN_OUT).filter((m) => !seen.has(m.id) && (seen.add(m.id), true))
      if (await insert(page)) continue
      const there = new Set((await byIds(c, key, page.map((m) => m.id))).map((d) => String(d._id)))
      const rest = page.filter((m) => !there.has(m.id))
      if (await insert(rest)) continue
      for (const m of rest) await insert([m])
    }
  }

  return {
    /**
     * Walks undelivered messages oldest first. The first one met for a key is that key's oldest;
     * it is returned when due, and later messages of the key wait behind it either way, so a key
     * is never delivered out of order.
     */
    async dueMessages(now, limit) {
      const max = Math.max(0, Math.floor(limit))
      if (max === 0) return []
      const at = instant(now)
      const seen = new Set<string>()
      const out: OutboxMessage[] = []
      const q = c.coll('outbox').where({ deliveredAt: null }).orderBy('createdAt', 'asc').orderBy('seq', 'asc').orderBy('_id', 'asc')
      for (let skip = 0; ; skip += PAGE) {
        const docs = docsOf(await guard(() => (skip === 0 ? q : q.skip(skip)).limit(PAGE).get()))
        for (const d of docs) {
          const m = outboxDocs.fromDoc(d)
          if (seen.has(m.key)) continue
          seen.add(m.key)
          if (m.nextAttemptAt <= at) {
            out.push(m)
            if (out.length === max) return out
          }
        }
        if (docs.length < PAGE) return out
      }
    },
    async markDelivered(id, at) {
      checked(await guard(() => c.coll('outbox').doc(id).update({ deliveredAt: instant(at) })))
    },
    async markFailed(id, error, nextAttemptAt) {
      checked(await guard(() => c.coll('outbox').doc(id).update({ attempts: _.inc(1), lastError: error, nextAttemptAt: instant(nextAttemptAt) })))
    },
    async postpone(id, nextAttemptAt) {
      checked(await guard(() => c.coll('outbox').doc(id).update({ nextAttemptAt: instant(nextAttemptAt) })))
    },
    /** Only while unsettled: a late failure never turns a delivered message into a dead letter. */
    async markDead(id, reason, at) {
      const when = instant(at)
      checked(
        await guard(() =>
          c.coll('outbox').where({ _id: id, deliveredAt: null }).options({ multiple: false }).update({ attempts: _.inc(1), lastError: reason, deadAt: when, deliveredAt: when }),
        ),
      )
    },
    async deadLetters(limit) {
      const n = Math.max(0, Math.min(PAGE, Math.floor(limit) || 0))
      if (n === 0) return []
      return docsOf(await guard(() => c.coll('outbox').where({ deadAt: _.gt('') }).orderBy('deadAt', 'desc').limit(n).get())).map(outboxDocs.fromDoc)
    },
    async enqueueOnce(msg) {
      try {
        checked(await c.coll('outbox').add(outboxDocs.toDoc(msg, { seq: nextSeq() })))
        return true
      } catch (e) {
        if (isDuplicateWrite(e)) return false
        throw mapCloudbaseError(e)
      }
    },
    queuedIds: async (ids) => (await byIds(c, 'outbox', ids)).map((d) => String(d._id)),
    enqueueMany: (msgs) => addNew('outbox', msgs, (m) => outboxDocs.toDoc(m, { seq: nextSeq() })),

    /** Ids are deterministic, so one already there is the same item delivered again. */
    async addInbox(items) {
      await addNew('inbox', items, (item) => inboxDocs.toDoc(item))
    },
    async listInbox(userId, opts) {
      let where: Record<string, unknown> = { userId }
      if (opts.before !== undefined) {
        const d = await byId(c.coll, 'inbox', opts.before)
        const cursor = d === null ? null : inboxDocs.fromDoc(d)
        if (cursor === null || cursor.userId !== userId) return []
        where = _.and([{ userId }, _.or([{ createdAt: _.lt(cursor.createdAt) }, { createdAt: cursor.createdAt, _id: _.lt(cursor.id) }])]) as unknown as Record<string, unknown>
      }
      const limit = inboxLimit(opts.limit)
      const res = await guard(() => c.coll('inbox').where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get())
      return docsOf(res).map(inboxDocs.fromDoc)
    },
    async countUnread(userId) {
      return answered(await guard(() => c.coll('inbox').where({ userId, readAt: null }).count()), 'total')
    },
    async markInboxRead(userId, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0
      const where: Record<string, unknown> = { userId, readAt: null }
      if (ids !== 'all') where._id = _.in([...ids])
      return answered(await guard(() => c.coll('inbox').where(where).update({ readAt: instant(at) })), 'updated')
    },

    async addSubscribeQuota(userId, templateId, n) {
      if (!Number.isInteger(n) || n <= 0) return
      const id = compoundId(userId, templateId)
      for (let attempt = 0; attempt < 3; attempt++) {
        if (answered(await guard(() => c.coll('subscribe_quota').doc(id).update({ remaining: _.inc(n) })), 'updated') === 1) return
        try {
          checked(await c.coll('subscribe_quota').add({ _id: id, userId, templateId, remaining: n }))
          return
        } catch (e) {
          // Created concurrently between our update and add: increment it on the next pass.
          if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
        }
      }
      throw new StoreUnavailableError('subscribe quota kept changing underfoot', 'DATABASE_TRANSACTION_CONFLICT')
    },
    /** One atomic conditional decrement: two callers can never both take the last consent. */
    async takeSubscribeQuota(userId, templateId) {
      const res = await guard(() =>
        c.coll('subscribe_quota').where({ _id: compoundId(userId, templateId), remaining: _.gt(0) }).options({ multiple: false }).update({ remaining: _.inc(-1) }),
      )
      return answered(res, 'updated') === 1
    },
    async takeSubscribeQuotas(userIds, templateId) {
      const ids = [...new Set(userIds)]
      for (let i = 0; i < ids.length; i += PAGE) {
        const chunk = ids.slice(i, i + PAGE).map((u) => compoundId(u, templateId))
        checked(await guard(() => c.coll('subscribe_quota').where({ _id: _.in(chunk), remaining: _.gt(0) }).update({ remaining: _.inc(-1) })))
      }
      return ids
    },
    /** One query for everyone (the same index as one person's), split by user. */
    async subscribeQuotasOf(userIds) {
      const out = new Map<string, Array<{ templateId: string; remaining: number }>>()
      if (userIds.length === 0) return out
      const docs = await all(c.coll('subscribe_quota').where({ userId: c.db.command.in([...new Set(userIds)]) }).orderBy('templateId', 'asc'))
      for (const d of docs) out.set(String(d.userId), [...(out.get(String(d.userId)) ?? []), { templateId: String(d.templateId), remaining: Number(d.remaining) }])
      return out
    },
    async subscribeQuotas(userId) {
      const docs = await all(c.coll('subscribe_quota').where({ userId }).orderBy('templateId', 'asc'))
      return docs.map((d) => ({ templateId: String(d.templateId), remaining: Number(d.remaining) }))
    },
    // Two removals, each whole: a retry after a failure between them removes what is left.
    async removeInboxAndQuotas(userId) {
      checked(await guard(() => c.coll('subscribe_quota').where({ userId }).remove()))
      return removed(await guard(() => c.coll('inbox').where({ userId }).remove()))
    },
  }
}
