/** SQLite-only behaviour of the embedded store: schema, triggers, locking, memoisation. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, MIGRATIONS, SqliteStore, applyMigrations, openSqliteStore } from '../../backend/adapters/sqlite'
import { createHost } from '../../backend/host'
import { caseWhere } from '../../backend/adapters/sqlite/caseQuery'
import { caseStatsSql } from '../../backend/adapters/sqlite/caseStats'
import { StoreUnavailableError } from '../../backend/errors'
import type { CaseQuery, CaseStats } from '../../backend/ports'
import type { Case } from '../../src/core/case'
import { at, caseId, makeCase, makeEvent, makeMessage, makeUser } from '../contract/fixtures'

let dirs: string[] = []
let opened: SqliteStore[] = []
let raws: Database.Database[] = []

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-sqlite-'))
  dirs.push(d)
  return d
}

function open(dir: string, options?: { busyTimeoutMs?: number }): SqliteStore {
  const s = openSqliteStore(dir, options)
  opened.push(s)
  return s
}

function raw(dir: string): Database.Database {
  const db = new Database(path.join(dir, DB_FILE_NAME))
  raws.push(db)
  return db
}

afterEach(async () => {
  for (const db of raws) if (db.open) db.close()
  for (const s of opened) await s.close()
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
  dirs = []
  opened = []
  raws = []
})

describe('migrations', () => {
  it('records applied migrations and re-opening applies nothing new, keeping data', async () => {
    const dir = tempDir()
    const store = open(dir)
    await store.transaction((tx) => tx.insertCase(makeCase()))
    await store.close()

    const db = raw(dir)
    const recorded = () => db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
    const expected = MIGRATIONS.map((m) => ({ version: m.version, name: m.name }))
    expect(recorded()).toEqual(expected)
    expect(applyMigrations(db)).toEqual([])

    const again = open(dir)
    expect(recorded()).toEqual(expected)
    expect(await again.getCase(caseId(1))).toEqual(makeCase())
  })

  it('applies a failing batch not at all', () => {
    const db = new Database(':memory:')
    raws.push(db)
    const broken = [...MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);' }]
    expect(() => applyMigrations(db, broken)).toThrow(/no_such_table/)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('cases', 'half_done')").all()).toEqual([])
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 })
    expect(applyMigrations(db)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('refuses a database migrated by newer code or with a rewritten history', () => {
    const newer = new Database(':memory:')
    raws.push(newer)
    applyMigrations(newer)
    newer.prepare("INSERT INTO schema_migrations VALUES (9999, 'from the future', '2030-01-01T00:00:00.000Z')").run()
    expect(() => applyMigrations(newer)).toThrow(/unknown to this code/)

    const edited = new Database(':memory:')
    raws.push(edited)
    applyMigrations(edited)
    const renamed = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, name: 'renamed' } : m))
    expect(() => applyMigrations(edited, renamed)).toThrow(/applied as/)
  })

  it('creates the data directory and puts the database in WAL mode', () => {
    const dir = path.join(tempDir(), 'nested', 'data')
    open(dir)
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true)
    expect(raw(dir).pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('has indexes the queue queries use', () => {
    const dir = tempDir()
    open(dir)
    const db = raw(dir)
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    expect(plan("SELECT * FROM cases WHERE creator_id = 'u1' ORDER BY id DESC LIMIT 50")).toMatch(/cases_by_creator/)
    expect(plan("SELECT * FROM cases WHERE grid_code IN ('G1','G2') AND status = 'submitted'")).toMatch(/cases_queue_by_grid/)
    expect(plan("SELECT * FROM cases WHERE unit_code = 'S1' AND status IN ('accepted')")).toMatch(/cases_by_unit_status_sla/)
    expect(plan("SELECT * FROM cases WHERE assignee_id = 'w1' AND status = 'accepted'")).toMatch(/cases_by_assignee_status/)
    expect(plan("SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= '2026'")).toMatch(/outbox_due/)
    expect(plan("SELECT 1 FROM outbox WHERE key = 'k' AND delivered_at IS NULL AND created_at < '2026'")).toMatch(/outbox_by_key/)
  })

  it('has indexes for the department, deadline and date filters, inbox, follows and staff', () => {
    const dir = tempDir()
    open(dir)
    const db = raw(dir)
    const plan = (sql: string, params: unknown[] = []) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    // The SQL the adapter builds, not a hand-written look-alike.
    const count = (q: CaseQuery) => {
      const w = caseWhere(q)!
      return plan(`SELECT COUNT(*) FROM cases ${w.sql}`, w.params)
    }
    expect(count({ department: 'chengguan' })).toMatch(/cases_(queue_)?by_department/)
    expect(count({ department: 'chengguan', statuses: ['submitted', 'accepted'] })).toMatch(/cases_(queue_)?by_department \(<expr>=\? AND status=\?\)/)
    expect(count({ slaBefore: at(0) })).toMatch(/cases_by_sla \(sla_deadline<\?\)/)
    expect(count({ gridCodes: ['G1', 'G2'], statuses: ['submitted'], slaBefore: at(0) })).toMatch(
      /cases_queue_by_grid \(grid_code=\? AND status=\? AND sla_deadline<\?\)/,
    )
    expect(count({ createdAfter: at(0), createdBefore: at(10) })).toMatch(/cases_by_created \(created_at>\? AND created_at<\?\)/)
    expect(count({ ids: [caseId(1), caseId(2)] })).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_cases_1 \(id=\?\)/)
    const stats = caseStatsSql({ department: 'chengguan' }, at(0), ['closed'])!
    const statsPlan = plan(stats.sql, stats.params)
    expect(statsPlan).toMatch(/cases_(queue_)?by_department/)
    expect(statsPlan).not.toMatch(/SCAN cases/)

    expect(plan("SELECT * FROM inbox WHERE user_id = 'u1' AND id < 'x' ORDER BY id DESC LIMIT 20")).toMatch(
      /SEARCH inbox USING INDEX inbox_by_user \(user_id=\? AND id<\?\)$/,
    )
    expect(plan("SELECT COUNT(*) FROM inbox WHERE user_id = 'u1' AND read_at IS NULL")).toMatch(/inbox_unread/)
    expect(plan("UPDATE inbox SET read_at = 'x' WHERE user_id = 'u1' AND read_at IS NULL")).toMatch(/inbox_unread/)
    expect(plan("SELECT user_id FROM follows WHERE case_id = 'c' ORDER BY created_at, user_id")).toMatch(
      /SEARCH follows USING COVERING INDEX follows_by_case_time \(case_id=\?\)$/,
    )
    expect(
      plan(
        `SELECT * FROM users WHERE id IN (SELECT user_id FROM user_grants WHERE role IN (SELECT value FROM json_each(?)) AND unit_code IN (SELECT value FROM json_each(?))) ORDER BY id`,
        ['["grid_worker"]', '["G1"]'],
      ),
    ).toMatch(/SEARCH user_grants USING PRIMARY KEY \(role=\? AND unit_code=\?\)/)
  })

  it('upgrades a database made by migration 1, keeping and indexing its data', async () => {
    const dir = tempDir()
    fs.mkdirSync(dir, { recursive: true })
    const old = new Database(path.join(dir, DB_FILE_NAME))
    applyMigrations(old, MIGRATIONS.slice(0, 1))
    old
      .prepare(
        `INSERT INTO cases (id, kind, status, unit_code, grid_code, assignee_id, category, payload, creator_id,
         idempotency_key, created_at, updated_at, sla_deadline, version)
         VALUES (?, 'report', 'assigned', 'S1', 'G1', NULL, 'road', ?, 'u1', 'k1', ?, ?, ?, 1)`,
      )
      .run(caseId(1), JSON.stringify({ description: '旧数据', department: 'chengguan' }), at(0), at(0), at(10))
    old
      .prepare("INSERT INTO users (id, name, phone, openid, grants, created_at) VALUES ('w1', '李', NULL, NULL, ?, ?)")
      .run(JSON.stringify([{ role: 'grid_worker', unitCode: 'G1' }, { role: 'dispatcher', unitCode: 'S1' }]), at(0))
    old.close()

    const store = open(dir)
    expect((await store.listCases({ department: 'chengguan', slaBefore: at(11) })).map((c) => c.id)).toEqual([caseId(1)])
    expect((await store.listStaff(['S1'], ['dispatcher'])).map((u) => u.id)).toEqual(['w1'])
    expect((await store.listStaff(['G1'], ['grid_worker'])).map((u) => u.id)).toEqual(['w1'])
    await store.addInbox([{ id: 'i-w1', userId: 'w1', caseId: caseId(1), title: 't', body: 'b', createdAt: at(1), readAt: null }])
    expect(await store.countUnread('w1')).toBe(1)
  })
})

describe('caseStats', () => {
  /** Reference: the same numbers folded in JavaScript from the listed cases. */
  function fold(cases: Case[], now: string, terminal: readonly string[]): CaseStats {
    const s: CaseStats = { total: 0, overdue: 0, byStatus: {}, byCategory: {}, byGrid: {}, byDay: {}, avgHoursToResolve: null }
    const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1)
    let hours = 0
    let n = 0
    for (const c of cases) {
      s.total++
      bump(s.byStatus, c.status)
      bump(s.byCategory, c.category)
      bump(s.byGrid, c.gridCode ?? '')
      bump(s.byDay, new Date(Date.parse(c.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10))
      if (!terminal.includes(c.status) && c.slaDeadline !== null && c.slaDeadline < now) s.overdue++
      const r = c.payload.resolvedAt
      if (typeof r === 'string') {
        hours += (Date.parse(r) - Date.parse(c.createdAt)) / 3_600_000
        n++
      }
    }
    s.avgHoursToResolve = n === 0 ? null : hours / n
    return s
  }

  it('agrees with a JavaScript fold over a few thousand generated cases', async () => {
    const store = open(tempDir())
    const statuses = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected']
    // mulberry32: deterministic, and 32-bit integer arithmetic stays exact.
    let seed = 42
    const rand = (k: number) => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) % k
    }
    const cases: Case[] = Array.from({ length: 3000 }, (_, i) => {
      const created = at(i * 7 + rand(7))
      const resolved = rand(3) === 0 ? new Date(Date.parse(created) + rand(100_000) * 1000).toISOString() : undefined
      return makeCase({
        id: caseId(i + 1),
        idempotencyKey: `k${i}`,
        status: statuses[rand(statuses.length)],
        category: ['road', 'noise', 'sanitation'][rand(3)],
        gridCode: rand(5) === 0 ? null : `G${rand(4)}`,
        createdAt: created,
        slaDeadline: rand(4) === 0 ? null : at(i * 7 + rand(3000)),
        payload: { description: 'x', ...(resolved ? { resolvedAt: resolved } : {}), ...(rand(2) ? { department: 'chengguan' } : {}) },
      })
    })
    await store.transaction(async (tx) => {
      for (const c of cases) await tx.insertCase(c)
    })
    const now = at(10_000)
    const terminal = ['closed', 'rejected']
    for (const q of [{}, { department: 'chengguan' }, { gridCodes: ['G1', 'G2'], slaBefore: now }, { createdBefore: at(5000) }] as CaseQuery[]) {
      const expected = fold(
        cases.filter((c) =>
          (q.department === undefined || c.payload.department === q.department) &&
          (q.gridCodes === undefined || q.gridCodes.includes(c.gridCode as string)) &&
          (q.slaBefore === undefined || (c.slaDeadline !== null && c.slaDeadline < q.slaBefore)) &&
          (q.createdBefore === undefined || c.createdAt < q.createdBefore),
        ),
        now,
        terminal,
      )
      // Non-trivial subsets, so agreement means something.
      expect(expected.total).toBeGreaterThan(200)
      expect(expected.overdue).toBeGreaterThan(0)
      expect(expected.avgHoursToResolve).not.toBeNull()
      const got = await store.caseStats(q, now, terminal)
      expect({ ...got, avgHoursToResolve: null }).toEqual({ ...expected, avgHoursToResolve: null })
      expect(got.avgHoursToResolve).toBeCloseTo(expected.avgHoursToResolve as number, 9)
    }
  })

  it('counts a resolvedAt only when it is a time in text', async () => {
    const store = open(tempDir())
    await store.transaction(async (tx) => {
      await tx.insertCase(makeCase({ id: caseId(1), idempotencyKey: 'a', payload: { resolvedAt: at(120) } }))
      // A number would be read by julianday() as a Julian day number, i.e. some date in history.
      await tx.insertCase(makeCase({ id: caseId(2), idempotencyKey: 'b', payload: { resolvedAt: 2461100.5 } }))
      await tx.insertCase(makeCase({ id: caseId(3), idempotencyKey: 'c', payload: { resolvedAt: 'not a time' } }))
      await tx.insertCase(makeCase({ id: caseId(4), idempotencyKey: 'd', payload: { resolvedAt: { at: at(1) } } }))
    })
    expect((await store.caseStats({}, at(0), [])).avgHoursToResolve).toBeCloseTo(2, 9)
  })
})

describe('integrity', () => {
  async function withEvent(dir: string): Promise<SqliteStore> {
    const store = open(dir)
    await store.transaction(async (tx) => {
      await tx.insertCase(makeCase())
      await tx.appendEvent(makeEvent({ id: 'ev-1', note: '原始记录' }))
    })
    return store
  }

  it('refuses to change or delete timeline rows', async () => {
    const dir = tempDir()
    const store = await withEvent(dir)
    const db = raw(dir)
    const failure = (sql: string): unknown => {
      try {
        db.prepare(sql).run()
      } catch (e) {
        return e
      }
      return null
    }
    expect(failure("UPDATE timeline SET note = 'rewritten' WHERE id = 'ev-1'")).toMatchObject({ message: 'timeline is append-only' })
    expect(failure("DELETE FROM timeline WHERE id = 'ev-1'")).toMatchObject({ message: 'timeline is append-only' })
    expect((await store.timeline(caseId(1)))[0].note).toBe('原始记录')
  })

  it('enforces foreign keys: no event for an unknown case', async () => {
    const store = open(tempDir())
    // Matched on code, not toThrow: under jest the native addon keeps the SqliteError class of
    // the first test file in the worker, so in later files it is not `instanceof Error`.
    await expect(store.transaction((tx) => tx.appendEvent(makeEvent({ caseId: caseId(77) })))).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    })
    expect(await store.timeline(caseId(77))).toEqual([])
  })

  it('lets a non-retryable error propagate as it is and rolls back earlier writes', async () => {
    const store = open(tempDir())
    await store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(1), idempotencyKey: 'k1' })))
    const attempt = store.transaction(async (tx) => {
      await tx.insertCase(makeCase({ id: caseId(2), idempotencyKey: 'k2' }))
      await tx.insertCase(makeCase({ id: caseId(1), idempotencyKey: 'k3' })) // duplicate id
    })
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })
    await expect(attempt).rejects.not.toBeInstanceOf(StoreUnavailableError)
    expect(await store.getCase(caseId(2))).toBeNull()
  })

  it('rejects the same idempotency key on two cases of one creator', async () => {
    const store = open(tempDir())
    await store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(1), idempotencyKey: 'same' })))
    await expect(
      store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(2), idempotencyKey: 'same' }))),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
  })

  it('stores instants in canonical form so text order is time order, and refuses non-dates', async () => {
    const store = open(tempDir())
    await store.transaction(async (tx) => {
      await tx.insertCase(makeCase({ id: caseId(1), idempotencyKey: 'a', slaDeadline: '2026-03-01T08:00:00.500Z' }))
      await tx.insertCase(makeCase({ id: caseId(2), idempotencyKey: 'b', slaDeadline: '2026-03-01T08:00:00Z', createdAt: '2026-03-01T16:00:00+08:00' }))
    })
    const [first, second] = await store.listCases({ order: 'sla' })
    expect([first.id, second.id]).toEqual([caseId(2), caseId(1)])
    expect(first.slaDeadline).toBe('2026-03-01T08:00:00.000Z')
    expect(first.createdAt).toBe('2026-03-01T08:00:00.000Z')
    await expect(
      store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(3), idempotencyKey: 'c', createdAt: 'yesterday' }))),
    ).rejects.toThrow(RangeError)
    expect(await store.getCase(caseId(3))).toBeNull()
  })
})

describe('unavailable storage', () => {
  it('maps a held write lock to StoreUnavailableError, writes nothing, and recovers', async () => {
    const dir = tempDir()
    const store = open(dir, { busyTimeoutMs: 50 })
    const other = raw(dir)
    other.exec('BEGIN EXCLUSIVE')

    const write = store.transaction(async (tx) => {
      await tx.insertCase(makeCase())
      await tx.appendEvent(makeEvent())
      await tx.enqueue(makeMessage())
    })
    await expect(write).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(write).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) })
    await expect(store.putUser(makeUser())).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(store.markDelivered('m1', at(1))).rejects.toBeInstanceOf(StoreUnavailableError)

    // Readers are not blocked by a writer under WAL.
    expect(await store.getCase(caseId(1))).toBeNull()

    other.exec('ROLLBACK')
    expect(await store.getCase(caseId(1))).toBeNull()
    expect(await store.timeline(caseId(1))).toEqual([])
    expect(await store.getUser('u1')).toBeNull()

    // Nothing is left half-open: the same writes now go through.
    await store.transaction(async (tx) => {
      await tx.insertCase(makeCase())
      await tx.appendEvent(makeEvent())
    })
    await store.putUser(makeUser())
    expect(await store.getCase(caseId(1))).toEqual(makeCase())
    expect(await store.getUser('u1')).toEqual(makeUser())
  })

  it('maps a database file that cannot be opened to StoreUnavailableError and does not memoise it', () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, DB_FILE_NAME))
    let err: unknown
    try {
      open(dir)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(StoreUnavailableError)
    expect((err as StoreUnavailableError).code).toBe('SQLITE_CANTOPEN')
    fs.rmdirSync(path.join(dir, DB_FILE_NAME))
    expect(open(dir)).toBeInstanceOf(SqliteStore)
  })
})

describe('concurrency', () => {
  it('lets exactly one of 50 concurrent transactions claim an idempotency key', async () => {
    const store = open(tempDir())
    const tryCreate = (n: number) =>
      store.transaction(async (tx) => {
        const holder = await tx.claimIdempotency('u1', 'same-key', caseId(n))
        // Yield between the claim and the insert, as real use cases await in between.
        await new Promise((r) => setImmediate(r))
        if (holder === null) await tx.insertCase(makeCase({ id: caseId(n), idempotencyKey: 'same-key' }))
        return { n, holder }
      })
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => tryCreate(i + 1)))
    const winners = results.filter((r) => r.holder === null)
    expect(winners).toHaveLength(1)
    const winnerId = caseId(winners[0].n)
    expect(results.filter((r) => r.holder !== null).every((r) => r.holder === winnerId)).toBe(true)
    expect(await store.countCases({})).toBe(1)
    expect((await store.findCaseByIdempotency('u1', 'same-key'))?.id).toBe(winnerId)
  })

  it('refuses store writes from inside a transaction instead of deadlocking', async () => {
    const store = open(tempDir())
    await expect(store.transaction(() => store.putUser(makeUser()))).rejects.toThrow(/inside a transaction/)
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/inside a transaction/)
    expect(await store.getUser('u1')).toBeNull()
  })

  it('refuses a tx that escaped its transaction', async () => {
    const store = open(tempDir())
    const escaped = await store.transaction(async (tx) => tx)
    await expect(escaped.insertCase(makeCase())).rejects.toThrow(/already finished/)
    expect(await store.getCase(caseId(1))).toBeNull()
  })

  it('lets a running transaction finish before close, then refuses new work', async () => {
    const dir = tempDir()
    const store = open(dir)
    const slow = store.transaction(async (tx) => {
      await new Promise((r) => setTimeout(r, 30))
      await tx.insertCase(makeCase())
    })
    const closing = store.close()
    await Promise.all([slow, closing])
    await expect(store.getCase(caseId(1))).rejects.toThrow(/after close/)
    await expect(store.transaction(async () => 1)).rejects.toThrow(/after close/)
    expect(await open(dir).getCase(caseId(1))).toEqual(makeCase())
  })
})

describe('openSqliteStore memoisation', () => {
  it('returns one instance per database file until it is closed', async () => {
    const dir = tempDir()
    const a = open(dir)
    expect(open(dir)).toBe(a)
    expect(open(dir + path.sep)).toBe(a)
    const link = path.join(tempDir(), 'link')
    fs.symlinkSync(dir, link)
    expect(open(link)).toBe(a)
    expect(open(tempDir())).not.toBe(a)

    await a.close()
    const b = open(dir)
    expect(b).not.toBe(a)
  })

  it('shares the instance with another copy of the module (another bundled function) through one host', async () => {
    const dir = tempDir()
    const host = createHost()
    const a = openSqliteStore(dir, {}, host.sqliteStores)
    let fromCopy: unknown
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const copy = require('../../backend/adapters/sqlite') as typeof import('../../backend/adapters/sqlite')
      expect(copy.openSqliteStore).not.toBe(openSqliteStore)
      fromCopy = copy.openSqliteStore(dir, {}, host.sqliteStores)
    })
    expect(fromCopy).toBe(a)
    // Closing forgets it in the host too, so the next opener gets a working store.
    await a.close()
    expect(host.sqliteStores.size).toBe(0)
    const b = openSqliteStore(dir, {}, host.sqliteStores)
    expect(b).not.toBe(a)
    await b.close()
  })
})
