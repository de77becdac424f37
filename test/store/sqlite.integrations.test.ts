/** SQLite-only checks of the outside-systems tables: a key hash names one partner, and the hot lookups are index searches. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, openSqliteStore, type SqliteStore } from '../../backend/adapters/sqlite'
import { INTEGRATION_SQL } from '../../backend/adapters/sqlite/integrations'
import type { IntegrationPartner } from '../../backend/ports'

let dir: string
let store: SqliteStore
let db: Database.Database

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-integrations-'))
  store = openSqliteStore(dir)
  db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true })
})
afterAll(async () => {
  db.close()
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const plan = (sql: string, params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')

const partner = (id: string, keyHash: string | null): IntegrationPartner => ({
  id,
  kind: keyHash ? 'open311' : 'hotline',
  name: id,
  jurisdictionId: '440111',
  keyHash,
  keyHint: keyHash ? keyHash.slice(-4) : null,
  secretSealed: keyHash ? null : 'v1.sealed',
  webhookUrl: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  createdBy: 'admin-1',
  revokedAt: null,
})

describe('outside-systems tables', () => {
  it('refuses a second partner with a key hash already held; hotlines hold none and coexist', async () => {
    await store.addPartner(partner('p-1', 'c'.repeat(64)))
    // By the driver's code, not toThrow: once another suite in the worker loaded better-sqlite3, its
    // errors come from that suite's realm and are no `instanceof Error` here.
    const second = await store.addPartner(partner('p-2', 'c'.repeat(64))).then(
      () => 'stored',
      (e: { code?: string }) => e.code,
    )
    expect(second).toMatch(/^SQLITE_CONSTRAINT/)
    await store.addPartner(partner('h-1', null))
    await store.addPartner(partner('h-2', null))
    expect((await store.listPartners()).map((p) => p.id).sort()).toEqual(['h-1', 'h-2', 'p-1'])
  })

  it('finds a partner by key hash and pages a delivery log through their indexes', () => {
    expect(plan(INTEGRATION_SQL.partnerByKeyHash, ['c'])).toMatch(/SEARCH integration_partners USING INDEX integration_partners_by_key_hash \(key_hash=\?\)/)
    const first = plan(INTEGRATION_SQL.firstDeliveries, ['sub:s-1', 20])
    expect(first).toMatch(/SEARCH webhook_deliveries USING INDEX webhook_deliveries_by_target \(target=\?\)/)
    const before = plan(INTEGRATION_SQL.deliveriesBefore, ['sub:s-1', 'x', 'x', 'd', 20])
    expect(before).toMatch(/webhook_deliveries_by_target \(target=\?/)
    for (const p of [first, before]) expect(p).not.toMatch(/TEMP B-TREE|SCAN webhook_deliveries/)
  })
})
