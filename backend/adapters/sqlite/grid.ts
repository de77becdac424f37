/** SQLite side of the grid aggregate: boards, memberships, announcements and their read receipts. */
import type { Announcement, GridRepo, Membership } from '../../ports'
import { ANNOUNCEMENT_FIELDS, BOARD_FIELDS, MEMBERSHIP_FIELDS } from '../tables'
import { announcementLimit, membershipLimit } from '../limits'
import { instant, rowMapper } from './rows'
import { jsonList, type SqliteAccess } from './statements'

const boardRows = rowMapper(BOARD_FIELDS)
const membershipRows = rowMapper(MEMBERSHIP_FIELDS)
const announcementRows = rowMapper(ANNOUNCEMENT_FIELDS)
const UPSERT_BOARD = boardRows.upsertSql('grid_boards', ['grid_code'])
const UPSERT_MEMBERSHIP = membershipRows.upsertSql('memberships', ['grid_code', 'user_id'])
const INSERT_ANNOUNCEMENT = announcementRows.insertSql('announcements')

/** The query of listAnnouncements (exported so a test can check its plan uses the target indexes). */
export function listAnnouncementsSql(gridCodes: readonly string[], opts: { before?: string; limit?: number; type?: string }): { sql: string; params: unknown[] } {
  const conds = ['grid_code IN (SELECT value FROM json_each(?))']
  const params: unknown[] = [jsonList(gridCodes)]
  if (opts.type !== undefined) {
    conds.push('type = ?')
    params.push(opts.type)
  }
  if (opts.before !== undefined) {
    conds.push('announcement_id < ?')
    params.push(opts.before)
  }
  params.push(announcementLimit(opts.limit))
  const sql = `SELECT a.* FROM announcements a WHERE a.id IN (
      SELECT DISTINCT announcement_id FROM announcement_targets WHERE ${conds.join(' AND ')}
      ORDER BY announcement_id DESC LIMIT ?)
    ORDER BY a.id DESC`
  return { sql, params }
}

export function sqliteGrid(db: SqliteAccess): GridRepo {
  const memberships = (method: string, sql: string, ...params: unknown[]) =>
    db.read(method, (s) => membershipRows.all(s, sql, ...params))
  const announcements = (method: string, sql: string, ...params: unknown[]) =>
    db.read(method, (s) => announcementRows.all(s, sql, ...params))
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
        return (s.get('SELECT COUNT(*) AS n FROM memberships WHERE grid_code IN (SELECT value FROM json_each(?)) AND status = ?').get(jsonList(gridCodes), status) as { n: number }).n
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
     * Distinct ids from the per-grid index ranges, newest first, then their rows: an
     * announcement reaching several of the grids appears once.
     */
    listAnnouncements(gridCodes, opts = {}) {
      if (gridCodes.length === 0) return db.read('listAnnouncements', () => [])
      const q = listAnnouncementsSql(gridCodes, opts)
      return announcements('listAnnouncements', q.sql, ...q.params)
    },
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
    /** First reads, oldest first (user id breaking ties). */
    announcementReads: (announcementId) =>
      db.read('announcementReads', (s) =>
        (s.get('SELECT user_id, read_at FROM announcement_reads WHERE announcement_id = ? ORDER BY read_at, user_id').all(announcementId) as Array<{ user_id: string; read_at: string }>).map(
          (r) => ({ userId: r.user_id, readAt: r.read_at }),
        ),
      ),
  }
}
