/** Group commit: transactions queued behind a running one share its COMMIT, each in a savepoint. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, openSqliteStore, type SqliteStore } from '../../backend/adapters/sqlite'
import { GroupCommit } from '../../backend/adapters/sqlite/groupCommit'
import { AsyncMutex } from '../../backend/adapters/sqlite/mutex'
import { StoreUnavailableError } from '../../backend/errors'
import { caseId, makeCase } from '../contract/fixtures'

let dir: string
let dbs: Database.Database[] = []
let stores: SqliteStore[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-group-'))
})

afterEach(async () => {
  for (const s of stores) await s.close()
  for (const db of dbs) if (db.open) db.close()
  stores = []
  dbs = []
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A bare table and a GroupCommit that counts its COMMITs. */
function bare() {
  const db = new Database(path.join(dir, 'g.sqlite'))
  dbs.push(db)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)')
  const commits = { n: 0, fail: false }
  const exec = db.exec.bind(db)
  db.exec = ((sql: string) => {
    if (sql === 'COMMIT') {
      commits.n++
      if (commits.fail) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })
    }
    return exec(sql)
  }) as typeof db.exec
  const mutex = new AsyncMutex()
  const other = new Database(path.join(dir, 'g.sqlite'), { readonly: true })
  dbs.push(other)
  const visible = () => (other.prepare('SELECT v FROM t ORDER BY v').all() as Array<{ v: number }>).map((r) => r.v)
  return { db, commits, group: new GroupCommit(db, (fn) => mutex.run(fn)), visible }
}

const insert = (db: Database.Database, v: number) => async () => {
  await Promise.resolve()
  db.prepare('INSERT INTO t (v) VALUES (?)').run(v)
  return v
}

describe('GroupCommit', () => {
  it('commits transactions queued behind a running one together, and answers each after its COMMIT', async () => {
    const { db, commits, group, visible } = bare()
    const seen: number[][] = []
    const all = Array.from({ length: 20 }, (_, i) => group.run(insert(db, i + 1)).then((v) => (seen.push(visible()), v)))
    expect(await Promise.all(all)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(commits.n).toBeLessThan(20)
    expect(commits.n).toBeGreaterThanOrEqual(2)
    seen.forEach((rows, i) => expect(rows).toContain(i + 1))
    expect(visible()).toHaveLength(20)
  })

  it('rolls back only the work that failed; the others in its group commit', async () => {
    const { db, group, visible } = bare()
    const first = group.run(insert(db, 1))
    const results = await Promise.allSettled([
      first,
      group.run(insert(db, 2)),
      group.run(async () => {
        db.prepare('INSERT INTO t (v) VALUES (?)').run(3)
        throw new Error('guard refused')
      }),
      group.run(insert(db, 2)), // duplicate key: a constraint error for this work alone
      group.run(insert(db, 4)),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect((results[2] as PromiseRejectedResult).reason.message).toBe('guard refused')
    expect((results[3] as PromiseRejectedResult).reason.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY')
    expect(visible()).toEqual([1, 2, 4])
  })

  it('when SQLite rolls the whole transaction back, fails the works already run and reruns the rest', async () => {
    const { db, group, visible } = bare()
    const blocker = group.run(insert(db, 1))
    const earlier = group.run(insert(db, 2))
    const breaking = group.run(async () => {
      db.exec('ROLLBACK') // what SQLITE_FULL / IOERR do to the open transaction
      throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' })
    })
    const later = group.run(insert(db, 3))
    await blocker
    await expect(earlier).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(breaking).rejects.toMatchObject({ code: 'SQLITE_FULL' })
    await expect(later).resolves.toBe(3)
    expect(visible()).toEqual([1, 3])
  })

  it('a group whose every work failed ends in ROLLBACK: the file is not touched (data_version stays)', async () => {
    const { db, commits, group } = bare()
    await group.run(insert(db, 1))
    const watcher = new Database(path.join(dir, 'g.sqlite'), { readonly: true })
    dbs.push(watcher)
    const version = () => watcher.pragma('data_version', { simple: true })
    const before = version()
    const n = commits.n
    await expect(
      group.run(async () => {
        db.prepare('INSERT INTO t (v) VALUES (?)').run(2)
        throw new Error('refused after a write')
      }),
    ).rejects.toThrow('refused after a write')
    expect(commits.n).toBe(n)
    expect(version()).toBe(before)
    expect(db.inTransaction).toBe(false)
  })

  it('fails every work of a group whose COMMIT fails, keeping none of their writes', async () => {
    const { db, commits, group, visible } = bare()
    const blocker = group.run(async () => {
      await insert(db, 1)()
      commits.fail = true // the next COMMIT, this group's, fails
      return 1
    })
    await expect(blocker).rejects.toBeInstanceOf(StoreUnavailableError)
    commits.fail = false
    const [a, b] = [group.run(insert(db, 2)), group.run(insert(db, 3))]
    await expect(Promise.all([a, b])).resolves.toEqual([2, 3])
    expect(visible()).toEqual([2, 3])
    expect(db.inTransaction).toBe(false)
  })
})

describe('SqliteStore transactions under load', () => {
  it('commits 50 concurrent case inserts, refuses the duplicate key alone, and close() waits for the queue', async () => {
    const store = openSqliteStore(dir)
    stores.push(store)
    const writes = Array.from({ length: 50 }, (_, i) => store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(i + 1), idempotencyKey: `k${i}` }))))
    const dup = store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(99), idempotencyKey: 'k7' })))
    await Promise.all(writes)
    // By code: SqliteError comes from the native module's realm, so toThrow's Error check is unreliable under jest.
    await expect(dup).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    const more = store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(60), idempotencyKey: 'late' })))
    await store.close()
    await expect(more).resolves.toBeUndefined()
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true })
    dbs.push(db)
    expect((db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n).toBe(51)
  })
})
