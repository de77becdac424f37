/** SQLite-only checks of the grid service group tables: the list queries are index lookups. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { ANNOUNCEMENTS_BY_IDS, COUNT_MEMBERS, gridTargetsSql, RECEIPT_SQL } from '../../backend/adapters/sqlite/grid'
import { announcementId, at, makeAnnouncement, makeMembership } from '../contract/fixtures'

let dir: string
let db: Database.Database

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-grid-'))
  await openSqliteStore(dir).close()
  db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true })
})
afterAll(() => {
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const plan = (sql: string, params: unknown[] = []) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')

describe('grid service group queries', () => {
  it("reads a grid's newest announcements from its own index range, never scanning or sorting its history", () => {
    for (const opts of [{}, { before: announcementId(9) }, { type: 'emergency' }, { type: 'notice', before: announcementId(9) }]) {
      const p = plan(gridTargetsSql(opts), [{ grid: 'G1', limit: 21, ...opts }])
      expect(p).toMatch(/SEARCH announcement_targets USING (PRIMARY KEY|COVERING INDEX announcement_targets_by_type) \(grid_code=\?/)
      expect(p).not.toMatch(/TEMP B-TREE|SCAN/)
    }
    expect(plan(gridTargetsSql({ type: 'emergency' }), [{ grid: 'G1', type: 'emergency', limit: 20 }])).toMatch(/announcement_targets_by_type \(grid_code=\? AND type=\?\)/)
    expect(plan(ANNOUNCEMENTS_BY_IDS, ['["a","b"]'])).toMatch(/SEARCH announcements USING INDEX sqlite_autoindex_announcements_1 \(id=\?\)/)
  })

  it('answers a read receipt from index ranges, never scanning or sorting the roster or the marks', () => {
    const grids = JSON.stringify(Array.from({ length: 150 }, (_, i) => `G${i}`))
    const p = {
      reads: plan(RECEIPT_SQL.reads, [{ id: 'a', by: 'x' }]),
      formerReads: plan(RECEIPT_SQL.formerReads, [{ id: 'a', by: 'x', grids }]),
      rosterChunk: plan(RECEIPT_SQL.rosterChunk, [{ grid: 'G1', at: '', user: '', limit: 500 }]),
      readAmong: plan(RECEIPT_SQL.readAmong, [{ id: 'a', users: '["u1"]' }]),
      gridsWithUnread: plan(RECEIPT_SQL.gridsWithUnread, [{ id: 'a', grids }]),
      countMembers: plan(COUNT_MEMBERS, [grids, 'joined']),
      readers: plan(RECEIPT_SQL.readers, [{ id: 'a', grids, limit: 500 }]),
    }
    for (const detail of Object.values(p)) {
      expect(detail).not.toMatch(/SCAN (r|m|j|c|g|memberships|announcement_reads|grid_member_counts|announcement_grid_reads)\b/)
      expect(detail).not.toMatch(/TEMP B-TREE/)
    }
    expect(p.reads).toMatch(/announcement_reads .*\(announcement_id=\?\)/)
    expect(p.formerReads).toMatch(/memberships_by_grid_status \(grid_code=\? AND status=\?\)/)
    expect(p.formerReads).toMatch(/memberships_by_user \(user_id=\?\)/)
    expect(p.readAmong).toMatch(/SEARCH announcement_reads USING (PRIMARY KEY \(announcement_id=\? AND user_id=\?\)|COVERING INDEX announcement_reads_by_user \(user_id=\? AND announcement_id=\?\))/)
    expect(p.rosterChunk).toMatch(/COVERING INDEX memberships_by_grid_status \(grid_code=\? AND status=\? AND \(requested_at,user_id\)>\(\?,\?\)\)/)
    expect(p.readers).toMatch(/announcement_reads_by_time \(announcement_id=\?\)/)
    expect(p.countMembers).toMatch(/SEARCH grid_member_counts USING PRIMARY KEY \(grid_code=\? AND status=\?\)/)
    expect(p.gridsWithUnread).toMatch(/SEARCH c USING PRIMARY KEY \(grid_code=\? AND status=\?\)/)
    expect(p.gridsWithUnread).toMatch(/SEARCH g USING PRIMARY KEY \(announcement_id=\? AND grid_code=\?\)/)
    expect(p.readers).toMatch(/memberships_by_user \(user_id=\?\)/)
  })

  it('indexes memberships, author lists and reads', () => {
    expect(plan("SELECT * FROM memberships WHERE grid_code = 'G1' AND status = 'requested' ORDER BY requested_at, user_id LIMIT 500")).toMatch(
      /memberships_by_grid_status \(grid_code=\? AND status=\?\)/,
    )
    expect(plan("SELECT COUNT(*) FROM memberships WHERE grid_code IN (SELECT value FROM json_each(?)) AND status = 'joined'", ['["G1","G2"]'])).toMatch(
      /memberships_by_grid_status \(grid_code=\? AND status=\?\)/,
    )
    expect(plan("SELECT * FROM memberships WHERE user_id = 'u1' ORDER BY requested_at, grid_code")).toMatch(/memberships_by_user \(user_id=\?\)/)
    expect(plan("SELECT * FROM announcements WHERE author_id = 'w1' AND id < 'x' ORDER BY id DESC LIMIT 20")).toMatch(
      /announcements_by_author \(author_id=\? AND id<\?\)/,
    )
    expect(
      plan("SELECT announcement_id FROM announcement_reads WHERE user_id = 'u1' AND announcement_id IN (SELECT value FROM json_each(?))", ['["a"]']),
    ).toMatch(/announcement_reads_by_user \(user_id=\? AND announcement_id=\?\)/)
    // In read order straight from the index (migration 24), no sort of the marks.
    expect(plan("SELECT user_id, read_at FROM announcement_reads WHERE announcement_id = 'a' ORDER BY read_at, user_id")).toBe(
      'SEARCH announcement_reads USING COVERING INDEX announcement_reads_by_time (announcement_id=?)',
    )
  })
})

describe('unread members of a street mostly read', () => {
  it('pages the unread members of the grids not wholly read, few read or all but six', async () => {
    const store = openSqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-grid-unread-')))
    try {
      const grids = ['G1', 'G2', 'G3']
      const members = Array.from({ length: 5400 }, (_, i) => makeMembership({ gridCode: grids[i % 3]!, userId: `u${String(i).padStart(4, '0')}`, status: 'joined', requestedAt: at(5400 - (i % 1000)) }))
      for (const m of members) await store.putMembership(m)
      const a = { id: announcementId(1), gridCodes: grids }
      // Roster order: grid, then request time (later members asked first here), then user id.
      const roster = [...members].sort((x, y) => x.gridCode.localeCompare(y.gridCode) || x.requestedAt.localeCompare(y.requestedAt) || x.userId.localeCompare(y.userId))
      const pages = async (limit: number) => {
        const got = []
        let after
        for (;;) {
          const page = await store.unreadMembers(a, { after, limit })
          got.push(...page)
          if (page.length < limit) return got
          after = page[page.length - 1]
        }
      }
      const unread = new Set(['u0007', 'u1000', 'u1001', 'u5399', 'u0300', roster[roster.length - 1]!.userId])
      const readers = roster.filter((m) => !unread.has(m.userId))
      // A few read: every grid has unread members.
      for (const m of readers.slice(0, 300)) await store.markAnnouncementRead(a.id, m.userId, at(6000))
      expect(await pages(500)).toEqual(roster.slice(0).filter((m) => !readers.slice(0, 300).includes(m)))
      // All but six read: only their grids are walked.
      for (const m of readers.slice(300)) await store.markAnnouncementRead(a.id, m.userId, at(6000))
      const want = roster.filter((m) => unread.has(m.userId))
      expect(want).toHaveLength(6)
      expect(await store.unreadMembers(a, { limit: 50 })).toEqual(want)
      expect(await pages(2)).toEqual(want)
      expect(await store.unreadMembers(a, { after: want[3], limit: 50 })).toEqual(want.slice(4))
      // G3 wholly read: skipped by its counts, the others still listed.
      const inG3 = want.filter((m) => m.gridCode === 'G3')
      expect(inG3.length).toBeGreaterThan(0)
      for (const m of inG3) await store.markAnnouncementRead(a.id, m.userId, at(6001))
      expect(await pages(2)).toEqual(want.filter((m) => m.gridCode !== 'G3'))
    } finally {
      await store.close()
    }
  })
})

describe('counts kept by the membership and read triggers (migration 24)', () => {
  it('equal a full recount after a random workload of joins, leaves, re-joins, publishes and reads', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-grid-counts-'))
    const store = openSqliteStore(dir)
    const file = path.join(dir, DB_FILE_NAME)
    try {
      // mulberry32: a fixed, well-mixed sequence.
      let seed = 7
      const rand = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
        return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
      }
      const grids = ['G1', 'G2', 'G3', 'G4']
      const users = Array.from({ length: 12 }, (_, i) => `u${i}`)
      const statuses = ['requested', 'joined', 'joined', 'left', 'refused'] as const
      const published: string[] = []
      for (let step = 0; step < 600; step++) {
        const k = rand(10)
        if (k < 5) {
          await store.putMembership(makeMembership({ gridCode: grids[rand(4)]!, userId: users[rand(12)]!, status: statuses[rand(5)]!, requestedAt: at(step) }))
        } else if (k < 6 || published.length === 0) {
          const id = announcementId(published.length + 1)
          await store.addAnnouncement(makeAnnouncement({ id, idempotencyKey: id, gridCodes: grids.filter(() => rand(2) === 1).concat(grids[rand(4)]!), publishedAt: at(step) }))
          published.push(id)
        } else {
          await store.markAnnouncementRead(published[rand(published.length)]!, users[rand(12)]!, at(step))
        }
      }
      const db = new Database(file, { readonly: true })
      try {
        const kept = db.prepare('SELECT grid_code, status, n FROM grid_member_counts WHERE n > 0 ORDER BY 1, 2').all()
        const recount = db.prepare('SELECT grid_code, status, COUNT(*) AS n FROM memberships GROUP BY 1, 2 ORDER BY 1, 2').all()
        expect(kept).toEqual(recount)
        expect(db.prepare('SELECT COUNT(*) AS n FROM grid_member_counts WHERE n < 0').get()).toEqual({ n: 0 })
        const keptReads = db.prepare('SELECT announcement_id, grid_code, n FROM announcement_grid_reads WHERE n > 0 ORDER BY 1, 2').all()
        const recountReads = db
          .prepare(
            `SELECT r.announcement_id, m.grid_code, COUNT(*) AS n FROM announcement_reads r
               JOIN memberships m ON m.user_id = r.user_id AND m.status = 'joined'
               JOIN announcement_targets t ON t.grid_code = m.grid_code AND t.announcement_id = r.announcement_id
             GROUP BY 1, 2 ORDER BY 1, 2`,
          )
          .all()
        expect(recountReads.length).toBeGreaterThan(10)
        expect(keptReads).toEqual(recountReads)
        expect(db.prepare('SELECT COUNT(*) AS n FROM announcement_grid_reads WHERE n < 0').get()).toEqual({ n: 0 })
      } finally {
        db.close()
      }
      // And the store answers from them as it would by counting.
      expect(await store.countMemberships(grids, 'joined')).toBe(
        (await Promise.all(grids.map(async (g) => (await store.listMemberships(g, 'joined', 1000)).length))).reduce((x, y) => x + y, 0),
      )
    } finally {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
