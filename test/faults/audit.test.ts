/**
 * The audit log: every read of a full identity number (rental.reveal), every search by one
 * (rental.area), and every export
 * (rental.exportCsv, cases.exportCsv, mediation.ledgerCsv) writes exactly one audit row before it
 * answers; a refused call writes none; when the row cannot be written the data is not given out.
 * And the log is append-only: no method of either adapter's Store or Tx can change or remove a
 * row, the SQLite table refuses UPDATE and DELETE from any connection, and CloudBase refuses to
 * overwrite an existing row.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import type { AuditEntry } from '../../backend/ports'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { makeCase, makeEvent } from '../contract/fixtures'
import { quietSdkRuntime, sdkApp } from '../cloudbase/sdkApp'
import { recordFaults } from '../support/faultReport'
import { idemKey } from '../support/fixtures'
import { as, startServer, type Client, type RunningServer } from '../support/server'

quietSdkRuntime()

const DOC = '440106199001011235'
const PHONE = '13912340001'

let srv: RunningServer
let tenant: Client, police: Client, disp: Client

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_SQLITE_BUSY_MS: '50' } })
  ;[tenant, police, disp] = await Promise.all(['demo-tenant', 'demo-police', 'demo-dispatcher'].map((u) => as(srv.url, u)))
}, 30_000)
afterAll(async () => {
  await srv?.stop()
})

function auditRows(): Array<{ action: string; target: string; actor_id: string }> {
  const db = new Database(join(srv.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT action, target, actor_id FROM audit_log ORDER BY id').all() as Array<{ action: string; target: string; actor_id: string }>
  } finally {
    db.close()
  }
}

describe('every reveal and export writes one audit row first', () => {
  let regId: string
  beforeAll(async () => {
    const r = await tenant.call('rental', 'checkIn', {
      idempotencyKey: idemKey(),
      buildingCode: DEMO_BUILDING_CODE,
      room: '101',
      name: '刘洋',
      docType: 'id_card',
      docNumber: DOC,
      phone: PHONE,
      moveInDate: '2026-11-01',
      leaseEnd: '2027-10-31',
      cohabitants: [],
      consent: { purpose: true, sensitive: true, version: '2026-12' },
    })
    if (!r.ok) throw new Error(`checkIn: ${r.code} ${r.message}`)
    regId = r.registration.id
  })

  const audited = () =>
    [
      { name: 'rental.reveal', who: police, fn: 'rental', action: 'reveal', data: { id: regId, purpose: 'inspection', reason: '入户走访核实身份' }, secret: (a: any) => JSON.stringify(a).includes(DOC) },
      { name: 'rental.exportCsv', who: police, fn: 'rental', action: 'exportCsv', data: { purpose: 'inspection', reason: '季度出租屋核查' }, secret: (a: any) => String(a.csv ?? '').includes(DOC) },
      { name: 'cases.exportCsv', who: disp, fn: 'cases', action: 'exportCsv', data: {}, secret: (a: any) => typeof a.csv === 'string' },
      { name: 'mediation.ledgerCsv', who: disp, fn: 'mediation', action: 'ledgerCsv', data: {}, secret: (a: any) => typeof a.csv === 'string' },
      // A search by full identity number finds whose registration it is: audited with its reason.
      { name: 'rental.area', who: police, fn: 'rental', action: 'area', data: { q: DOC, purpose: 'lead', reason: '核查来访人员身份' }, secret: (a: any) => (a.registrations ?? []).some((r: { id: string }) => r.id === regId) },
    ] as const
  const ACTION: Record<string, string> = { 'rental.reveal': 'reveal', 'rental.area': 'search' }

  it('three calls of each audited action add exactly three rows each, naming the actor and the record or export', async () => {
    for (const a of audited()) {
      const before = auditRows().length
      for (let i = 0; i < 3; i++) {
        const r = await a.who.call(a.fn, a.action, a.data)
        expect({ name: a.name, ok: r.ok, secret: a.secret(r) }).toEqual({ name: a.name, ok: true, secret: true })
      }
      const rows = auditRows().slice(before)
      expect(rows).toHaveLength(3)
      for (const row of rows) {
        expect(row.action).toBe(ACTION[a.name] ?? 'export')
        expect(row.target).toContain(a.name === 'rental.reveal' ? regId : a.name)
        expect(row.target).not.toContain(DOC)
      }
    }
    recordFaults({ name: 'audited reads, searches and exports (5 kinds × 3)', injected: 15, survived: 15, note: '15 calls, 15 audit rows' })
  })

  it('refused calls write no row', async () => {
    const before = auditRows().length
    expect(await tenant.call('rental', 'reveal', { id: regId, purpose: 'case', reason: '核查来访人员身份' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await police.call('rental', 'reveal', { id: regId, purpose: 'case', reason: '查查查查查' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await police.call('rental', 'area', { q: DOC })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await tenant.call('rental', 'area', { q: DOC, purpose: 'case', reason: '核查来访人员身份' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await tenant.call('cases', 'exportCsv', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await tenant.call('mediation', 'ledgerCsv', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(auditRows()).toHaveLength(before)
  })

  it('when the audit row cannot be written, nothing is revealed or exported (UNAVAILABLE), and it works once it can', async () => {
    const before = auditRows().length
    const lock = new Database(join(srv.dataDir, DB_FILE_NAME))
    lock.exec('BEGIN IMMEDIATE')
    try {
      for (const a of audited()) {
        const r = await a.who.call(a.fn, a.action, a.data)
        expect({ name: a.name, code: r.code, retryable: r.retryable, secret: a.secret(r) }).toEqual({ name: a.name, code: 'UNAVAILABLE', retryable: true, secret: false })
      }
    } finally {
      lock.exec('ROLLBACK')
      lock.close()
    }
    expect(auditRows()).toHaveLength(before)
    for (const a of audited()) expect(await a.who.call(a.fn, a.action, a.data)).toMatchObject({ ok: true })
    expect(auditRows()).toHaveLength(before + audited().length)
    recordFaults({ name: 'audit write blocked (SQLITE_BUSY) on reveal/search/export', injected: 5, survived: 5, lost: 0, note: 'no data out without its audit row' })
  })
})

describe('the audit log is append-only', () => {
  const auditMethods = (o: object) => {
    const names = new Set<string>()
    for (let p: object | null = o; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) for (const n of Object.getOwnPropertyNames(p)) names.add(n)
    return [...names].filter((n) => /audit/i.test(n)).sort()
  }
  const entry = (n: number): AuditEntry => ({ id: `01JNAUDIT00000000000000000${n}`.slice(0, 26), actorId: 'demo-police', actorRole: 'police', action: 'reveal', target: `r${n}`, reason: '核查', unitCode: '440111010', at: new Date().toISOString() })

  it('SQLite: the Store and Tx offer only append (alone or in a transaction) and list; the table refuses UPDATE and DELETE from any connection', async () => {
    const dir = join(srv.dataDir, '..', `audit-${idemKey()}`)
    const store = openSqliteStore(dir)
    try {
      expect(auditMethods(store)).toEqual(['appendAudit', 'listAudit'])
      const txMethods = await store.transaction(async (tx) => {
        await tx.appendAudit(entry(1))
        const c = makeCase()
        await tx.insertCase(c)
        await tx.appendEvent(makeEvent({ caseId: c.id }))
        return auditMethods(tx)
      })
      expect(txMethods).toEqual(['appendAudit'])
      const raw = new Database(join(dir, DB_FILE_NAME))
      try {
        expect(() => raw.prepare("UPDATE audit_log SET reason = 'rewritten'").run()).toThrow(/append-only/)
        expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
        // REPLACE deletes without firing DELETE triggers: migration 7 closes that door too.
        expect(() => raw.prepare("INSERT OR REPLACE INTO audit_log (id, actor_id, actor_role, action, target, reason, unit_code, at) VALUES (?, 'x', 'x', 'reveal', 'x', 'rewritten', 'x', 'x')").run(entry(1).id)).toThrow(/append-only/)
        expect(() => raw.prepare("INSERT INTO audit_log (id, actor_id, actor_role, action, target, reason, unit_code, at) VALUES (?, 'x', 'x', 'reveal', 'x', 'x', 'x', 'x') ON CONFLICT (id) DO UPDATE SET reason = 'rewritten'").run(entry(1).id)).toThrow(/append-only/)
        expect(raw.prepare('SELECT reason FROM audit_log').pluck().all()).toEqual(['核查'])
        // The same hole, closed for the timeline (and, by the same trigger, mediation threads).
        const ev = raw.prepare('SELECT * FROM timeline LIMIT 1').get() as Record<string, unknown>
        expect(() => raw.prepare(`INSERT OR REPLACE INTO timeline (${Object.keys(ev).join(', ')}) VALUES (${Object.keys(ev).map((k) => `@${k}`).join(', ')})`).run({ ...ev, note: 'rewritten' })).toThrow(/append-only/)
      } finally {
        raw.close()
      }
      const again = await store.transaction((tx) => tx.appendAudit({ ...entry(1), reason: 'rewritten' })).then(
        () => 'stored',
        (e: unknown) => String((e as Error)?.message ?? e),
      )
      expect(again).toMatch(/append-only|UNIQUE/)
      // Appended alone (writeAudit), the same row cannot be rewritten either.
      // Its message, not toThrow: better-sqlite3's error class may come from another suite's realm.
      const alone = await store.appendAudit({ ...entry(1), reason: 'rewritten' }).then(
        () => 'stored',
        (e: unknown) => String((e as Error)?.message ?? e),
      )
      expect(alone).toMatch(/append-only|UNIQUE/)
      expect(await store.listAudit(['440111010'], {})).toHaveLength(1)
    } finally {
      await store.close()
    }
  })

  it('CloudBase: the Store and Tx offer only append (alone or in a transaction) and list, and an existing row cannot be overwritten', async () => {
    const fake = new FakeCloudbase()
    await fake.start()
    try {
      const store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
      expect(auditMethods(store)).toEqual(['appendAudit', 'listAudit'])
      const txMethods = await store.transaction(async (tx) => {
        await tx.appendAudit(entry(2))
        return auditMethods(tx)
      })
      expect(txMethods).toEqual(['appendAudit'])
      await expect(store.transaction((tx) => tx.appendAudit({ ...entry(2), reason: 'rewritten' }))).rejects.toThrow()
      // Appended alone (writeAudit), an insert: an existing id is refused, never overwritten.
      await expect(store.appendAudit({ ...entry(2), reason: 'rewritten' })).rejects.toThrow()
      expect((await store.listAudit(['440111010'], {})).map((e) => e.reason)).toEqual(['核查'])
      await store.close()
    } finally {
      await fake.stop()
    }
  })
})
