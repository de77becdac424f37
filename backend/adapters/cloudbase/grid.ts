/** CloudBase side of the grid aggregate: boards, memberships, announcements and their read receipts. */
import type { Announcement, GridRepo } from '../../ports'
import { announcementLimit, membershipLimit } from '../limits'
import { ANNOUNCEMENT_FIELDS, BOARD_FIELDS, MEMBERSHIP_FIELDS } from '../tables'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { all, answered, byId, checked, compoundId, conflict, docsOf, PAGE, take, type CloudbaseAccess } from './db'
import { CorruptDocumentError, docMapper, instant, withoutId } from './docs'

/** Target documents written at once when an announcement is published. */
const TARGET_BATCH = 16

const boardDocs = docMapper('jf_boards', BOARD_FIELDS, 'gridCode')
/** `_id` is a hash of grid and user; the fields carry the identity. */
const membershipDocs = docMapper('jf_memberships', MEMBERSHIP_FIELDS, (m) => compoundId(m.gridCode, m.userId))
const announcementDocs = docMapper('jf_announcements', ANNOUNCEMENT_FIELDS, 'id')

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
    if (!fresh && answered(await guard(() => c.coll('announcement_targets').where({ announcementId: a.id }).count()), 'total') >= grids.length) return
    for (let i = 0; i < grids.length; i += TARGET_BATCH) {
      await Promise.all(
        grids
          .slice(i, i + TARGET_BATCH)
          .map((gridCode) => addOnce(() => c.coll('announcement_targets').add({ _id: compoundId(gridCode, a.id), gridCode, announcementId: a.id, type: a.type }))),
      )
    }
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
      const res = await guard(() => c.coll('announcements').where({ _id: _.in(wanted) }).orderBy('_id', 'desc').limit(wanted.length).get())
      return docsOf(res).map(announcementDocs.fromDoc)
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
    async announcementReads(announcementId) {
      const docs = await all(c.coll('announcement_reads').where({ announcementId }).orderBy('readAt', 'asc').orderBy('userId', 'asc'))
      return docs.map((d) => ({ userId: String(d.userId), readAt: String(d.readAt) }))
    },
  }
}
