/** SQLite-only checks of the grid service group tables: the list queries are index lookups. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { listAnnouncementsSql } from '../../backend/adapters/sqlite/grid'
import { announcementId } from '../contract/fixtures'

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
  it('reads announcements of grids through the per-grid targets, never scanning', () => {
    const grids = Array.from({ length: 150 }, (_, i) => `G${i}`)
    for (const opts of [{}, { before: announcementId(9) }, { type: 'emergency' }, { type: 'notice', before: announcementId(9) }]) {
      const q = listAnnouncementsSql(grids, opts)
      const p = plan(q.sql, q.params)
      expect(p).toMatch(/SEARCH (t|announcement_targets) USING (PRIMARY KEY|(COVERING )?INDEX announcement_targets_by_type) \(grid_code=\?/)
      expect(p).toMatch(/SEARCH a USING INDEX sqlite_autoindex_announcements_1 \(id=\?\)/)
      expect(p).not.toMatch(/SCAN (a|announcements|announcement_targets)\b/)
    }
    expect(plan(listAnnouncementsSql(['G1'], { type: 'emergency' }).sql, listAnnouncementsSql(['G1'], { type: 'emergency' }).params)).toMatch(
      /announcement_targets_by_type \(grid_code=\? AND type=\?\)/,
    )
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
    expect(plan("SELECT user_id, read_at FROM announcement_reads WHERE announcement_id = 'a' ORDER BY read_at, user_id")).toMatch(
      /SEARCH announcement_reads USING PRIMARY KEY \(announcement_id=\?\)/,
    )
  })
})
