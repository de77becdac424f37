import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { caseWhere, SLA_ORDER } from '../../backend/adapters/sqlite/caseQuery'
import type { CaseQuery } from '../../backend/ports'

describe('SQLite audit log', () => {
  it('refuses UPDATE and DELETE at the database, whoever connects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-audit-'))
    const store = openSqliteStore(dir)
    await store.transaction((tx) => tx.appendAudit({ id: '01JNA00000000000000000000001'.slice(0, 26), actorId: 'p1', actorRole: 'police', action: 'reveal', target: 'r1', reason: '核查', unitCode: 'S1', at: new Date().toISOString() }))
    const raw = new Database(join(dir, DB_FILE_NAME))
    try {
      expect(() => raw.prepare("UPDATE audit_log SET reason = 'x'").run()).toThrow(/append-only/)
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
      expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1)
    } finally {
      raw.close()
      await store.close()
    }
  })
})

describe('SQLite rental queries', () => {
  it('are index lookups, never a scan of a table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-rplan-'))
    const store = openSqliteStore(dir)
    const db = new Database(join(dir, DB_FILE_NAME), { readonly: true })
    const plan = (sql: string, params: unknown[] = []) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    const cases = (q: CaseQuery, order = '') => {
      const w = caseWhere(q)!
      return plan(`SELECT * FROM cases ${w.sql} ${order} LIMIT 200`, w.params)
    }
    try {
      // rental-timer: the lease-overdue and the purge ranges.
      expect(cases({ kind: 'checkin', statuses: ['active'], slaBefore: new Date().toISOString() }, SLA_ORDER)).toMatch(/cases_by_sla \(sla_deadline<\?\)/)
      expect(cases({ kind: 'checkin', statuses: ['checked_out', 'refused'], slaBefore: new Date().toISOString() }, SLA_ORDER)).toMatch(/cases_by_sla/)
      // The manager's roster, the police area, the tenant's own.
      expect(cases({ kind: 'checkin', assigneeId: 'm1', statuses: ['active'] }, 'ORDER BY id DESC')).toMatch(/cases_by_assignee_status/)
      expect(cases({ kind: 'checkin', gridCodes: ['G1', 'G2'] }, 'ORDER BY id DESC')).not.toMatch(/SCAN cases/)
      expect(cases({ kind: 'checkin', creatorId: 't1' }, 'ORDER BY id DESC')).toMatch(/cases_by_creator/)
      expect(plan("SELECT * FROM buildings WHERE manager_id = 'm1' ORDER BY id")).toMatch(/buildings_by_manager/)
      expect(plan("SELECT * FROM buildings WHERE grid_code IN (SELECT value FROM json_each('[\"G1\"]')) ORDER BY id")).toMatch(/buildings_by_grid/)
      expect(plan("SELECT * FROM buildings WHERE code = 'X'")).toMatch(/sqlite_autoindex_buildings/)
      expect(plan("SELECT case_id FROM registration_secrets WHERE doc_hmac = 'h'")).toMatch(/registration_secrets_by_hmac/)
      expect(plan("SELECT * FROM fire_inspections WHERE building_id = 'b' ORDER BY id DESC")).toMatch(/fire_inspections_by_building/)
      expect(plan("SELECT * FROM audit_log WHERE unit_code IN (SELECT value FROM json_each('[\"S1\"]')) AND id < 'z' ORDER BY id DESC")).toMatch(/audit_log_by_unit/)
    } finally {
      db.close()
      await store.close()
    }
  })
})
