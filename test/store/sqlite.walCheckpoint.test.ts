/** WAL checkpoints run in a worker thread, not inside the writer's COMMIT (walCheckpointer.ts). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { buildSync } from 'esbuild'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { WalCheckpointer, type CheckpointReport } from '../../backend/adapters/sqlite/walCheckpointer'
import { caseId, makeCase } from '../contract/fixtures'

let dir: string
const dbs: Database.Database[] = []
const checkpointers: WalCheckpointer[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-wal-'))
})

afterEach(async () => {
  for (const cp of checkpointers.splice(0)) await cp.stop()
  for (const db of dbs.splice(0)) if (db.open) db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function writer(file = path.join(dir, 'w.sqlite')): Database.Database {
  const db = new Database(file)
  dbs.push(db)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY, pad TEXT)')
  return db
}

const autoPages = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(ok: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

describe('WalCheckpointer', () => {
  it('checkpoints the WAL from its worker while the writer keeps committing, with the automatic checkpoint off', async () => {
    const db = writer()
    const reports: CheckpointReport[] = []
    const cp = new WalCheckpointer(db, db.name, { intervalMs: 50, onCheckpoint: (r) => reports.push(r) })
    checkpointers.push(cp)
    cp.start()
    await until(() => autoPages(db) === 0, 'the worker to take over')
    const insert = db.prepare('INSERT INTO t (v, pad) VALUES (?, ?)')
    let v = 0
    // Keep committing until the worker has copied frames the writer wrote after it took over.
    const end = Date.now() + 10_000
    while (!reports.some((r) => r.checkpointed > 0) && Date.now() < end) {
      for (let i = 0; i < 20; i++) insert.run(++v, 'x'.repeat(500))
      await sleep(5)
    }
    expect(reports.some((r) => r.checkpointed > 0)).toBe(true)
    // Once the worker has copied every frame, the writer's next commit restarts the WAL from its
    // start: the checkpoints after it find a WAL of a frame or two, not the thousands written.
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 200; i++) insert.run(++v, 'x'.repeat(500))
      await sleep(20)
    }
    const settled = reports.length
    await until(() => reports.slice(settled).some((r) => r.log > 0 && r.checkpointed === r.log), 'every frame checkpointed')
    const full = reports.slice(settled).find((r) => r.log > 0 && r.checkpointed === r.log)!
    expect(full.log).toBeGreaterThan(100)
    insert.run(++v, 'x')
    const restarted = reports.length
    await until(() => reports.length > restarted, 'a checkpoint after the restart')
    expect(reports[reports.length - 1]!.log).toBeLessThan(10)
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(v)

    await cp.stop()
    expect(autoPages(db)).toBe(1000)
    const after = reports.length
    await sleep(200)
    expect(reports.length).toBe(after)
    // The worker's connection is closed: nothing else reads the WAL, so a TRUNCATE is not busy.
    expect(db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }])
  })

  it('lets a process with nothing else to do exit while its worker runs (a cloud function in local mode)', () => {
    const bundle = path.join(dir, 'walCheckpointer.cjs')
    buildSync({ entryPoints: [path.join(__dirname, '../../backend/adapters/sqlite/walCheckpointer.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile: bundle, logLevel: 'silent' })
    const script = `
      const Database = require('better-sqlite3')
      const { WalCheckpointer } = require(${JSON.stringify(bundle)})
      const db = new Database(${JSON.stringify(path.join(dir, 'child.sqlite'))})
      db.pragma('journal_mode = WAL')
      new WalCheckpointer(db, db.name, { intervalMs: 50, onCheckpoint: () => process.stdout.write('checkpoint\\n') }).start()
      // Busy long enough for the worker to take over and checkpoint, then nothing is left to do.
      setTimeout(() => process.stdout.write('idle\\n'), 500)
    `
    const started = Date.now()
    // NODE_PATH: the bundle sits in a temp dir, and resolves better-sqlite3 (for its worker too) from the repo.
    const env = { ...process.env, NODE_PATH: path.join(__dirname, '../../node_modules') }
    const out = execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '../..'), env, encoding: 'utf8', timeout: 20_000 })
    expect(out).toContain('checkpoint')
    expect(out.trim().endsWith('idle')).toBe(true)
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('leaves SQLite to checkpoint by itself when the worker cannot open the database', async () => {
    const db = writer()
    const cp = new WalCheckpointer(db, path.join(dir, 'missing', 'x.sqlite'), { intervalMs: 50 })
    cp.start()
    await cp.stop()
    expect(autoPages(db)).toBe(1000)
  })
})

describe('SqliteStore checkpoints', () => {
  it('keeps committing with the worker running, and close() stops it before the writer closes', async () => {
    const store = openSqliteStore(dir)
    const file = path.join(fs.realpathSync(dir), DB_FILE_NAME)
    for (let i = 1; i <= 40; i++) {
      await store.transaction(async (tx) => {
        await tx.insertCase(makeCase({ id: caseId(i), idempotencyKey: `k${i}` }))
      })
    }
    await store.close()
    // The writer's close was the last connection's: SQLite checkpointed and removed the WAL.
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const check = new Database(file, { readonly: true })
    dbs.push(check)
    expect((check.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(40)
  })
})
