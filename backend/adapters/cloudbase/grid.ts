/** CloudBase side of the grid aggregate: boards, memberships, announcements and their read receipts. */
import type { Announcement, GridRepo, Membership } from '../../ports'
import type { ReceiptScope } from '../../repos/grid'
import { announcementLimit, membershipLimit } from '../limits'
import { ANNOUNCEMENT_FIELDS, ANNOUNCEMENT_HEAD_FIELDS, BOARD_FIELDS, MEMBERSHIP_FIELDS } from '../tables'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { all, answered, byId, checked, compoundId, conflict, docsOf, PAGE, take, type CloudbaseAccess } from './db'
import { CorruptDocumentError, docMapper, instant, withoutId } from './docs'

/** Statuses a former member's row can be in (never deleted, see GridRepo). */
const NOT_JOINED: Membership['status'][] = ['requested', 'refused', 'left']

/** Roster or read marks fetched per request while paging a receipt (also the size of an `in` list). */
const RECEIPT_PAGE = 200

/** Target documents written at once, one request each, when a publish is completed on a retry. */
const TARGET_BATCH = 16
/** Target documents in one insert request of a fresh publish. */
const TARGET_INSERT = 100

const boardDocs = docMapper('jf_boards', BOARD_FIELDS, 'gridCode')
/** `_id` is a hash of grid and user; the fields carry the identity. */
const membershipDocs = docMapper('jf_memberships', MEMBERSHIP_FIELDS, (m) => compoundId(m.gridCode, m.userId))
const announcementDocs = docMapper('jf_announcements', ANNOUNCEMENT_FIELDS, 'id')
const announcementHeadDocs = docMapper('jf_announcements', ANNOUNCEMENT_HEAD_FIELDS, 'id')

/**
 * `_id` of the jf_idempotency document reserving (authorId, key) for an announcement. The
 * extra leading part keeps it apart from case claims of the same user and key.
 */
export function announcementClaimId(authorId: string, key: string): string {
  return compoundId('announcement', authorId, key)
}

/** Inserts a document whose deterministic id may exist already (the same write again). */
async function addOnce(add: () => Promise<unknown>): Promise<void> {
  try {
    checked(await add())
  } catch (e) {
    if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
  }
}

export function cloudbaseGrid(c: CloudbaseAccess): GridRepo {
  const _ = c.db.command

  /**
   * The claim of (author, key) and the announcement commit together in one transaction, so
   * concurrent adds with one key store one announcement (the loser's insert of the claim
   * conflicts, and its rerun reads the winner's claim).
   */
  const claimAnnouncement = (a: Announcement) => {
    const doc = announcementDocs.toDoc(a)
    return c.inTransaction(async (coll) => {
      const claimDocId = announcementClaimId(a.authorId, a.idempotencyKey)
      const claim = await byId(coll, 'idempotency', claimDocId)
      if (claim) {
        const firstId = claim.announcementId
        if (typeof firstId !== 'string') throw new CorruptDocumentError(c.names.idempotency, claimDocId, 'announcementId')
        const first = await byId(coll, 'announcements', firstId)
        if (!first) throw new CorruptDocumentError(c.names.announcements, firstId, '_id')
        return { stored: announcementDocs.fromDoc(first), fresh: false }
      }
      try {
        checked(await coll('idempotency').add({ _id: claimDocId, kind: 'announcement', authorId: a.authorId, key: a.idempotencyKey, announcementId: a.id }))
      } catch (e) {
        if (isDuplicateWrite(e)) throw conflict('announcement idempotency key claimed concurrently', e)
        throw mapCloudbaseError(e)
      }
      checked(await guard(() => coll('announcements').add(doc)))
      return { stored: announcementDocs.fromDoc(doc), fresh: true }
    })
  }

  /**
   * One target per distinct grid, outside the transaction, with deterministic ids; a retry of
   * the add (same key) writes any a crash left missing, and skips them all once all are there.
   */
  const writeTargets = async (a: Announcement, fresh: boolean) => {
    const grids = [...new Set(a.gridCodes)]
    const target = (gridCode: string) => ({ _id: compoundId(gridCode, a.id), gridCode, announcementId: a.id, type: a.type })
    if (fresh) {
      // A new announcement has no targets yet: a street's ~140 grids in two inserts, not 140.
      try {
        for (let i = 0; i < grids.length; i += TARGET_INSERT) checked(await c.coll('announcement_targets').add(grids.slice(i, i + TARGET_INSERT).map(target)))
        return
      } catch (e) {
        // Another writer got some in first: finish one by one below.
        if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
      }
    } else if (answered(await guard(() => c.coll('announcement_targets').where({ announcementId: a.id }).count()), 'total') >= grids.length) return
    for (let i = 0; i < grids.length; i += TARGET_BATCH) {
      await Promise.all(grids.slice(i, i + TARGET_BATCH).map((gridCode) => addOnce(() => c.coll('announcement_targets').add(target(gridCode)))))
    }
  }

  /** Those of `userIds` who hold a joined membership in one of `grids`. */
  const joinedIn = async (grids: ReadonlySet<string>, userIds: readonly string[]): Promise<Set<string>> => {
    const out = new Set<string>()
    const ids = [...new Set(userIds)]
    for (let i = 0; i < ids.length; i += PAGE) {
      const docs = await all(c.coll('memberships').where({ userId: _.in(ids.slice(i, i + PAGE)), status: 'joined' }).orderBy('userId', 'asc').orderBy('gridCode', 'asc'))
      for (const d of docs) if (grids.has(String(d.gridCode))) out.add(String(d.userId))
    }
    return out
  }

  /** The read marks of the announcement by any of `userIds`. */
  const readsBy = async (a: ReceiptScope, userIds: readonly string[]) => {
    const ids = [...new Set(userIds)]
    const out: Array<{ userId: string; readAt: string }> = []
    for (let i = 0; i < ids.length; i += PAGE) {
      const docs = await all(c.coll('announcement_reads').where({ announcementId: a.id, userId: _.in(ids.slice(i, i + PAGE)) }).orderBy('userId', 'asc'))
      for (const d of docs) out.push({ userId: String(d.userId), readAt: String(d.readAt) })
    }
    return out
  }

  return {
    async getBoard(gridCode) {
      const d = await byId(c.coll, 'boards', gridCode)
      return d ? boardDocs.fromDoc(d) : null
    },
    async putBoard(b) {
      const doc = boardDocs.toDoc(b)
      checked(await guard(() => c.coll('boards').doc(b.gridCode).set(withoutId(doc))))
    },

    async getMembership(gridCode, userId) {
      const d = await byId(c.coll, 'memberships', compoundId(gridCode, userId))
      return d ? membershipDocs.fromDoc(d) : null
    },
    async putMembership(m) {
      const doc = membershipDocs.toDoc(m)
      checked(await guard(() => c.coll('memberships').doc(String(doc._id)).set(withoutId(doc))))
    },
    async listMemberships(gridCode, status, limit) {
      const n = membershipLimit(limit)
      const q = c.coll('memberships').where({ gridCode, status }).orderBy('requestedAt', 'asc').orderBy('userId', 'asc')
      return (await take(q, n)).map(membershipDocs.fromDoc)
    },
    /** A grid named twice counts once. */
    async countMemberships(gridCodes, status) {
      if (gridCodes.length === 0) return 0
      return answered(await guard(() => c.coll('memberships').where({ gridCode: _.in([...new Set(gridCodes)]), status }).count()), 'total')
    },
    async membershipsOf(userId) {
      const q = c.coll('memberships').where({ userId }).orderBy('requestedAt', 'asc').orderBy('gridCode', 'asc')
      return (await all(q)).map(membershipDocs.fromDoc)
    },

    async addAnnouncement(a) {
      const { stored, fresh } = await claimAnnouncement(a)
      await writeTargets(stored, fresh)
      return stored
    },
    async getAnnouncement(id) {
      const d = await byId(c.coll, 'announcements', id)
      return d ? announcementDocs.fromDoc(d) : null
    },
    /**
     * Walks the targets of the grids newest first (an announcement reaching several of them
     * comes up once per grid, adjacently) until `limit` distinct ids are found, then reads
     * those announcements.
     */
    async listAnnouncements(gridCodes, opts = {}) {
      if (gridCodes.length === 0) return []
      const limit = announcementLimit(opts.limit)
      const grids = [...new Set(gridCodes)]
      const page = Math.min(PAGE, limit * grids.length)
      const ids: string[] = []
      let cursor = opts.before
      for (;;) {
        const where: Record<string, unknown> = { gridCode: _.in(grids) }
        if (opts.type !== undefined) where.type = opts.type
        if (cursor !== undefined) where.announcementId = _.lt(cursor)
        const docs = docsOf(await guard(() => c.coll('announcement_targets').where(where).orderBy('announcementId', 'desc').limit(page).get()))
        for (const d of docs) {
          const id = String(d.announcementId)
          if (ids[ids.length - 1] !== id) ids.push(id)
        }
        if (ids.length >= limit || docs.length < page) break
        cursor = String(docs[docs.length - 1].announcementId)
      }
      const wanted = ids.slice(0, limit)
      if (wanted.length === 0) return []
      // Without the target grids (AnnouncementHead): a street-wide one carries ~150 codes.
      const res = await guard(() => c.coll('announcements').where({ _id: _.in(wanted) }).orderBy('_id', 'desc').limit(wanted.length).field({ gridCodes: false }).get())
      return docsOf(res).map(announcementHeadDocs.fromDoc)
    },
    async listAnnouncementsBy(authorId, opts = {}) {
      const where = opts.before === undefined ? { authorId } : { authorId, _id: _.lt(opts.before) }
      const res = await guard(() => c.coll('announcements').where(where).orderBy('_id', 'desc').limit(announcementLimit(opts.limit)).get())
      return docsOf(res).map(announcementDocs.fromDoc)
    },
    /** Reading again keeps the first time: the mark's id is deterministic and inserts only. */
    async markAnnouncementRead(announcementId, userId, at) {
      const readAt = instant(at)
      await addOnce(() => c.coll('announcement_reads').add({ _id: compoundId(announcementId, userId), announcementId, userId, readAt }))
    },
    /** The read ones among `ids`, in the order of `ids`, each once. */
    async readAnnouncements(userId, ids) {
      const unique = [...new Set(ids)]
      if (unique.length === 0) return []
      const docs = await all(c.coll('announcement_reads').where({ userId, announcementId: _.in(unique) }).orderBy('announcementId', 'asc'))
      const read = new Set(docs.map((d) => String(d.announcementId)))
      return unique.filter((id) => read.has(id))
    },
    /**
     * Two counts of the marks, less the readers no longer joined: those are among the few
     * non-joined rows of the grids, so no request walks the roster.
     */
    async countAnnouncementReads(a, by) {
      const byAt = instant(by)
      const reads = c.coll('announcement_reads')
      const total = answered(await guard(() => reads.where({ announcementId: a.id }).count()), 'total')
      const totalBy = answered(await guard(() => reads.where({ announcementId: a.id, readAt: _.lte(byAt) }).count()), 'total')
      const grids = new Set(a.gridCodes)
      const former = await all(c.coll('memberships').where({ gridCode: _.in([...grids]), status: _.in(NOT_JOINED) }).orderBy('gridCode', 'asc').orderBy('userId', 'asc'))
      const formerReads = await readsBy(a, former.map((d) => String(d.userId)))
      const still = await joinedIn(grids, formerReads.map((r) => r.userId))
      const gone = formerReads.filter((r) => !still.has(r.userId))
      return { read: total - gone.length, readBy: totalBy - gone.filter((r) => r.readAt <= byAt).length }
    },
    /** Grid by grid in code order, a page of the roster and its read marks per two requests, until `limit` are found. */
    async unreadMembers(a, opts) {
      const out: Membership[] = []
      const after = opts.after
      for (const grid of [...new Set(a.gridCodes)].sort()) {
        if (after && grid < after.gridCode) continue
        const from = after && grid === after.gridCode ? after : null
        const where: Record<string, unknown> = { gridCode: grid, status: 'joined' }
        if (from) where.requestedAt = _.gte(from.requestedAt)
        const q = c.coll('memberships').where(where).orderBy('requestedAt', 'asc').orderBy('userId', 'asc')
        for (let skip = 0; out.length < opts.limit; skip += RECEIPT_PAGE) {
          const docs = docsOf(await guard(() => (skip === 0 ? q : q.skip(skip)).limit(RECEIPT_PAGE).get()))
          // The cursor bounds requestedAt from below; ties up to its user id were on the last page.
          const page = docs.map(membershipDocs.fromDoc).filter((m) => !from || m.requestedAt > from.requestedAt || (m.requestedAt === from.requestedAt && m.userId > from.userId))
          const read = new Set((await readsBy(a, page.map((m) => m.userId))).map((r) => r.userId))
          for (const m of page) if (!read.has(m.userId) && out.length < opts.limit) out.push(m)
          if (docs.length < RECEIPT_PAGE) break
        }
        if (out.length >= opts.limit) break
      }
      return out
    },
    async announcementReaders(a, opts) {
      const grids = new Set(a.gridCodes)
      const q = c.coll('announcement_reads').where({ announcementId: a.id }).orderBy('readAt', 'asc').orderBy('userId', 'asc')
      const out: Array<{ userId: string; readAt: string }> = []
      for (let skip = 0; out.length < opts.limit; skip += RECEIPT_PAGE) {
        const page = docsOf(await guard(() => (skip === 0 ? q : q.skip(skip)).limit(RECEIPT_PAGE).get())).map((d) => ({ userId: String(d.userId), readAt: String(d.readAt) }))
        const joined = await joinedIn(grids, page.map((r) => r.userId))
        for (const r of page) if (joined.has(r.userId) && out.length < opts.limit) out.push(r)
        if (page.length < RECEIPT_PAGE) break
      }
      return out
    },
    async announcementReads(announcementId) {
      const docs = await all(c.coll('announcement_reads').where({ announcementId }).orderBy('readAt', 'asc').orderBy('userId', 'asc'))
      return docs.map((d) => ({ userId: String(d.userId), readAt: String(d.readAt) }))
    },
  }
}
