/**
 * Disk and database errors on a write, through the deployed function bundles: another
 * connection holding the write lock (SQLITE_BUSY after the busy timeout) and a full database
 * (SQLITE_FULL via max_page_count). The caller must get UNAVAILABLE, retryable, in Chinese —
 * never a false success — nothing may be half-written, and a retry with the same idempotency key
 * after recovery must store exactly one case.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions } from '../../backend/adapters/local/session'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import type { Store } from '../../backend/ports'
import { seedDemo } from '../../backend/seed/seed'
import { createHost } from '../../backend/host'
import { loadBundle } from '../support/bundles'
import { recordFaults } from '../support/faultReport'
import { idemKey, reportInput } from '../support/fixtures'

type Main = (event: unknown, context: unknown) => Promise<any>

let dataDir: string
let store: Store
let reports: Main
let ctx: unknown
let raw: Database.Database

const TABLES = ['cases', 'timeline', 'outbox', 'idempotency']
const counts = () => Object.fromEntries(TABLES.map((t) => [t, raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]))
const storedWithKey = (key: string) => raw.prepare("SELECT count(*) FROM cases WHERE creator_id = 'demo-resident' AND idempotency_key = ?").pluck().get(key) as number
const submit = (key: string) => reports({ action: 'submit', data: reportInput({ idempotencyKey: key }) }, ctx)

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jf-dberr-'))
  process.env.DATA_DIR = dataDir
  process.env.JIEFANG_MODE = 'local'
  // Opened into the host the bundle is bound to, so the bundle writes through this store (one per
  // file per process) with its short busy timeout, and the page cap set on it applies to every write.
  const host = createHost()
  store = openSqliteStore(dataDir, { busyTimeoutMs: 50 }, host.sqliteStores)
  await seedDemo(store)
  ctx = { jiefangLocal: { authorization: `Bearer ${new LocalSessions(loadOrCreateSecret(dataDir)).issue('demo-resident')}` } }
  reports = loadBundle('reports', host)
  raw = new Database(join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
  jest.spyOn(console, 'warn').mockImplementation(() => {})
})
afterAll(async () => {
  raw?.close()
  await store?.close()
})

function expectUnavailable(r: any): void {
  expect(r).toMatchObject({ ok: false, code: 'UNAVAILABLE', retryable: true })
  expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
}

it('SQLITE_BUSY: a write lock held by another connection gives a retryable refusal; the retry after release stores one case', async () => {
  const other = new Database(join(dataDir, DB_FILE_NAME))
  const key = idemKey()
  const before = counts()
  other.exec('BEGIN IMMEDIATE')
  let answers: any[]
  try {
    answers = await Promise.all([submit(key), submit(key), submit(idemKey())])
  } finally {
    other.exec('ROLLBACK')
    other.close()
  }
  answers.forEach(expectUnavailable)
  expect(counts()).toEqual(before)
  const retried = await Promise.all([submit(key), submit(key)])
  for (const r of retried) expect(r).toMatchObject({ ok: true })
  expect(retried[0].case.id).toBe(retried[1].case.id)
  expect(storedWithKey(key)).toBe(1)
  recordFaults({ name: 'SQLITE_BUSY on create (lock held elsewhere)', injected: answers.length, survived: answers.length, lost: 0, duplicated: storedWithKey(key) - 1 })
})

it('SQLITE_FULL: once the database cannot grow, every answer is either a stored case or UNAVAILABLE; the retry after space is freed stores one', async () => {
  const writer = (store as unknown as { writer: Database.Database }).writer
  const pages = writer.pragma('page_count', { simple: true }) as number
  writer.pragma(`max_page_count = ${pages}`)
  let refusedKey: string | null = null
  let okBeforeFull = 0
  try {
    // Free space inside the existing pages takes a few more cases; the first that needs a new page fails.
    for (let i = 0; i < 2000 && !refusedKey; i++) {
      const key = idemKey()
      const before = counts()
      const r = await reports({ action: 'submit', data: reportInput({ idempotencyKey: key, description: `楼下垃圾堆了三天没人清理 ${'。'.repeat(400)}` }) }, ctx)
      if (r.ok) {
        expect(storedWithKey(key)).toBe(1)
        okBeforeFull++
      } else {
        expectUnavailable(r)
        expect(counts()).toEqual(before)
        expect(storedWithKey(key)).toBe(0)
        refusedKey = key
      }
    }
  } finally {
    writer.pragma('max_page_count = 4294967294')
  }
  expect(refusedKey).not.toBeNull()
  const again = await submit(refusedKey!)
  expect(again).toMatchObject({ ok: true })
  expect(await submit(refusedKey!)).toMatchObject({ ok: true, replayed: true, case: { id: again.case.id } })
  expect(storedWithKey(refusedKey!)).toBe(1)
  recordFaults({ name: 'SQLITE_FULL on create (max_page_count)', injected: 1, survived: 1, acknowledged: okBeforeFull, stored: okBeforeFull, lost: 0, duplicated: 0 })
})
