/** SQLite side of the grid aggregate: boards, memberships, announcements and their read receipts. */
import type { Announcement, GridRepo, Membership } from '../../ports'
import type { MembershipKey } from '../../repos/grid'
import { ANNOUNCEMENT_FIELDS, ANNOUNCEMENT_HEAD_FIELDS, BOARD_FIELDS, MEMBERSHIP_FIELDS } from '../tables'
import { announcementLimit, membershipLimit } from '../limits'
import { instant, rowMapper } from './rows'
import { jsonList, type SqliteAccess, type Statements } from './statements'
import { withFields } from '../../../src/core/withFields'

const boardRows = rowMapper(BOARD_FIELDS)
const membershipRows = rowMapper(MEMBERSHIP_FIELDS)
const announcementRows = rowMapper(ANNOUNCEMENT_FIELDS)
const UPSERT_BOARD = boardRows.upsertSql('grid_boards', ['grid_code'])
const UPSERT_MEMBERSHIP = membershipRows.upsertSql('memberships', ['grid_code', 'user_id'])
const INSERT_ANNOUNCEMENT = announcementRows.insertSql('announcements')

/** Summed from the counts the membership triggers keep (migration 24); a grid named twice counts once. */
export const COUNT_MEMBERS = 'SELECT COALESCE(SUM(n), 0) AS n FROM grid_member_counts WHERE grid_code IN (SELECT value FROM json_each(?)) AND status = ?'
/** Roster members read per step of an unread page. */
const ROSTER_CHUNK = 500
/** Statuses a former member's row can be in (never deleted, see GridRepo). */
const NOT_JOINED = "('requested', 'refused', 'left')"
/** The person holds a joined membership in one of the grids (`+` keeps the lookup on memberships_by_user). */
const JOINED_IN_GRIDS = `EXISTS (SELECT 1 FROM memberships j WHERE j.user_id = r.user_id AND j.status = 'joined' AND +j.grid_code IN (SELECT value FROM json_each(@grids)))`

/**
 * Receipt counts: every read mark of the announcement (an index count), less the readers who
 * are no longer joined in any of its grids (found through the few non-joined rows of the grids).
 */
export const RECEIPT_SQL = {
  reads: 'SELECT COUNT(*) AS n, COALESCE(SUM(read_at <= @by), 0) AS nBy FROM announcement_reads WHERE announcement_id = @id',
  formerReads: `SELECT COUNT(*) AS n, COALESCE(SUM(r.read_at <= @by), 0) AS nBy FROM announcement_reads r
    WHERE r.announcement_id = @id
      AND r.user_id IN (SELECT m.user_id FROM memberships m WHERE m.grid_code IN (SELECT value FROM json_each(@grids)) AND m.status IN ${NOT_JOINED})
      AND NOT ${JOINED_IN_GRIDS}`,
  /** Target grids with a joined member who has not read it, from the maintained counts (migration 24). */
  gridsWithUnread: `SELECT c.grid_code FROM grid_member_counts c
    LEFT JOIN announcement_grid_reads g ON g.announcement_id = @id AND g.grid_code = c.grid_code
    WHERE c.grid_code IN (SELECT value FROM json_each(@grids)) AND c.status = 'joined' AND c.n > COALESCE(g.n, 0)`,
  /** A chunk of one grid's joined members in roster order, from the covering index. */
  rosterChunk: `SELECT user_id, requested_at FROM memberships
    WHERE grid_code = @grid AND status = 'joined' AND (requested_at, user_id) > (@at, @user)
    ORDER BY requested_at, user_id LIMIT @limit`,
  /** Which of a chunk's members read it: one primary key search each. */
  readAmong: 'SELECT user_id FROM announcement_reads WHERE announcement_id = @id AND user_id IN (SELECT value FROM json_each(@users))',
  membership: 'SELECT * FROM memberships WHERE grid_code = ? AND user_id = ?',
  readers: `SELECT r.user_id, r.read_at FROM announcement_reads r
    WHERE r.announcement_id = @id AND ${JOINED_IN_GRIDS}
    ORDER BY r.read_at, r.user_id LIMIT @limit`,
} as const

/**
 * One grid's newest announcement ids, straight from its primary key range (or the type index):
 * no sort, however long the grid's history (exported so a test can check the plan).
 */
export function gridTargetsSql(opts: { before?: string; type?: string }): string {
  const conds = ['grid_code = @grid']
  if (opts.type !== undefined) conds.push('type = @type')
  if (opts.before !== undefined) conds.push('announcement_id < @before')
  return `SELECT announcement_id FROM announcement_targets WHERE ${conds.join(' AND ')} ORDER BY announcement_id DESC LIMIT @limit`
}
const announcementHeadRows = rowMapper(ANNOUNCEMENT_HEAD_FIELDS)
/** A feed's rows without their target grids (AnnouncementHead): a street-wide one lists ~150. */
export const ANNOUNCEMENTS_BY_IDS = `SELECT ${announcementHeadRows.columns.join(', ')} FROM announcements WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`

export function sqliteGrid(db: SqliteAccess): GridRepo {
  const memberships = (method: string, sql: string, ...params: unknown[]) =>
    db.read(method, (s) => membershipRows.all(s, sql, ...params))
  const announcements = (method: string, sql: string, ...params: unknown[]) => db.read(method, (s) => announcementRows.all(s, sql, ...params))
  return {
    getBoard: (gridCode) =>
      db.read('getBoard', (s) => boardRows.one(s, 'SELECT * FROM grid_boards WHERE grid_code = ?', gridCode)),
    async putBoard(b) {
      const row = boardRows.toRow(b)
      return db.write('putBoard', (s) => {
        s.get(UPSERT_BOARD).run(row)
      })
    },

    getMembership: (gridCode, userId) =>
      db.read('getMembership', (s) => membershipRows.one(s, 'SELECT * FROM memberships WHERE grid_code = ? AND user_id = ?', gridCode, userId)),
    async putMembership(m) {
      const row = membershipRows.toRow(m)
      return db.write('putMembership', (s) => {
        s.get(UPSERT_MEMBERSHIP).run(row)
      })
    },
    /** Oldest request first, user id breaking ties; a limit that is not a positive number means the default. */
    listMemberships(gridCode, status: Membership['status'], limit?: number) {
      const n = membershipLimit(limit)
      return memberships('listMemberships', 'SELECT * FROM memberships WHERE grid_code = ? AND status = ? ORDER BY requested_at, user_id LIMIT ?', gridCode, status, n)
    },
    /** A grid named twice counts once. */
    countMemberships: (gridCodes, status) =>
      db.read('countMemberships', (s) => {
        if (gridCodes.length === 0) return 0
        return (s.get(COUNT_MEMBERS).get(jsonList(gridCodes), status) as { n: number }).n
      }),
    /** Every status, oldest request first (grid code breaking ties). */
    membershipsOf: (userId) => memberships('membershipsOf', 'SELECT * FROM memberships WHERE user_id = ? ORDER BY requested_at, grid_code', userId),

    /**
     * The lookup and the inserts share one write transaction, and writes are serialised, so two
     * concurrent adds with one (author, key) store one announcement and both return it.
     */
    async addAnnouncement(a: Announcement) {
      const row = announcementRows.toRow(a)
      return db.write('addAnnouncement', (s) => {
        const first = announcementRows.one(s, 'SELECT * FROM announcements WHERE author_id = ? AND idempotency_key = ?', a.authorId, a.idempotencyKey)
        if (first) return first
        s.get(INSERT_ANNOUNCEMENT).run(row)
        const target = s.get('INSERT INTO announcement_targets (grid_code, announcement_id, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
        for (const g of a.gridCodes) target.run(g, a.id, a.type)
        return announcementRows.fromRow(row)
      })
    },
    getAnnouncement: (id) =>
      db.read('getAnnouncement', (s) => announcementRows.one(s, 'SELECT * FROM announcements WHERE id = ?', id)),
    /**
     * The newest `limit` ids of each grid (an index range each), merged newest first, then their
     * rows: an announcement reaching several of the grids appears once.
     */
    listAnnouncements: (gridCodes, opts = {}) =>
      db.read('listAnnouncements', (s) => {
        if (gridCodes.length === 0) return []
        const limit = announcementLimit(opts.limit)
        const targets = s.get(gridTargetsSql(opts))
        const params: Record<string, unknown> = { limit }
        if (opts.type !== undefined) params.type = opts.type
        if (opts.before !== undefined) params.before = opts.before
        const ids = new Set<string>()
        for (const grid of new Set(gridCodes)) for (const r of targets.all(withFields(params, { grid })) as Array<{ announcement_id: string }>) ids.add(r.announcement_id)
        const wanted = [...ids].sort().reverse().slice(0, limit)
        return wanted.length ? announcementHeadRows.all(s, ANNOUNCEMENTS_BY_IDS, jsonList(wanted)) : []
      }),
    listAnnouncementsBy(authorId, opts = {}) {
      const limit = announcementLimit(opts.limit)
      return opts.before === undefined
        ? announcements('listAnnouncementsBy', 'SELECT * FROM announcements WHERE author_id = ? ORDER BY id DESC LIMIT ?', authorId, limit)
        : announcements('listAnnouncementsBy', 'SELECT * FROM announcements WHERE author_id = ? AND id < ? ORDER BY id DESC LIMIT ?', authorId, opts.before, limit)
    },
    async markAnnouncementRead(announcementId, userId, at) {
      const readAt = instant(at)
      return db.write('markAnnouncementRead', (s) => {
        s.get('INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(announcementId, userId, readAt)
      })
    },
    /** The read ones among `ids`, in the order of `ids`, each once. */
    readAnnouncements: (userId, ids) =>
      db.read('readAnnouncements', (s) => {
        if (ids.length === 0) return []
        const rows = s
          .get('SELECT announcement_id FROM announcement_reads WHERE user_id = ? AND announcement_id IN (SELECT value FROM json_each(?))')
          .all(userId, jsonList(ids)) as Array<{ announcement_id: string }>
        const read = new Set(rows.map((r) => r.announcement_id))
        return [...new Set(ids)].filter((id) => read.has(id))
      }),
    countAnnouncementReads: (a, by) =>
      db.read('countAnnouncementReads', (s) => {
        const p = { id: a.id, by: instant(by), grids: jsonList([...new Set(a.gridCodes)]) }
        const all = s.get(RECEIPT_SQL.reads).get({ id: p.id, by: p.by }) as { n: number; nBy: number }
        const former = s.get(RECEIPT_SQL.formerReads).get(p) as { n: number; nBy: number }
        return { read: all.n - former.n, readBy: all.nBy - former.nBy }
      }),
    /**
     * Only the target grids with an unread member (the kept counts say which: a street mostly read
     * has few), in code order, a chunk of each roster at a time from the index (the page never
     * sorts), each chunk's members looked up among the marks.
     */
    unreadMembers: (a, opts) =>
      db.read('unreadMembers', (s) => {
        const after: MembershipKey | undefined = opts.after
        const open = s.get(RECEIPT_SQL.gridsWithUnread).pluck().all({ id: a.id, grids: jsonList([...new Set(a.gridCodes)]) }) as string[]
        const found: Array<[string, string]> = []
        for (const grid of open.sort().filter((g) => !after || g >= after.gridCode)) {
          let key = after && grid === after.gridCode ? { at: after.requestedAt, user: after.userId } : { at: '', user: '' }
          for (;;) {
            const chunk = s.get(RECEIPT_SQL.rosterChunk).all({ grid, ...key, limit: ROSTER_CHUNK }) as Array<{ user_id: string; requested_at: string }>
            if (chunk.length === 0) break
            const read = new Set(s.get(RECEIPT_SQL.readAmong).pluck().all({ id: a.id, users: jsonList(chunk.map((m) => m.user_id)) }) as string[])
            for (const m of chunk) if (!read.has(m.user_id) && found.length < opts.limit) found.push([grid, m.user_id])
            if (found.length >= opts.limit || chunk.length < ROSTER_CHUNK) break
            const last = chunk[chunk.length - 1]!
            key = { at: last.requested_at, user: last.user_id }
          }
          if (found.length >= opts.limit) break
        }
        return found.map(([grid, userId]) => membershipRows.one(s, RECEIPT_SQL.membership, grid, userId)!)
      }),
    announcementReaders: (a, opts) =>
      db.read('announcementReaders', (s) =>
        (s.get(RECEIPT_SQL.readers).all({ id: a.id, grids: jsonList([...new Set(a.gridCodes)]), limit: opts.limit }) as Array<{ user_id: string; read_at: string }>).map((r) => ({
          userId: r.user_id,
          readAt: r.read_at,
        })),
      ),
    /** First reads, oldest first (user id breaking ties). */
    announcementReads: (announcementId) =>
      db.read('announcementReads', (s) =>
        (s.get('SELECT user_id, read_at FROM announcement_reads WHERE announcement_id = ? ORDER BY read_at, user_id').all(announcementId) as Array<{ user_id: string; read_at: string }>).map(
          (r) => ({ userId: r.user_id, readAt: r.read_at }),
        ),
      ),
  }
}
