/**
 * A mediator's queue on SQLite (migration 26): a committee's cases of one street, of the
 * district's own unit, or of every street are read per status from a cases_queue_by_committee*
 * index in deadline order (no sort, no scan of the streets' mediation cases), and counted from
 * the same entries; its totals over whole streets come from the committee counts (migration 27).
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MIGRATIONS, applyMigrations, openSqliteStore } from '../../backend/adapters/sqlite'
import { caseWhere, countSql, slaParts, slaRangeSql, slaRanges } from '../../backend/adapters/sqlite/caseQuery'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite/openSqliteStore'
import type { CaseQuery } from '../../backend/ports'
import { at, caseId } from '../contract/fixtures'

let dir: string
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

it('reads a committee’s queue page and capped count through its index ranges', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jf-committee-'))
  await openSqliteStore(dir).close()
  const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true })
  const plan = (st: { sql: string; params: unknown[] }) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${st.sql}`).all(...st.params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
  try {
    const base: CaseQuery = { kind: 'mediation', committee: 'people', statuses: ['applied', 'mediating'], order: 'sla', limit: 21 }
    const shapes: Array<[CaseQuery, RegExp]> = [
      // A street's mediator: one range per (street, status).
      [{ ...base, streetCodes: ['S1'] }, /COVERING INDEX cases_queue_by_committee \(<expr>=\? AND street_code=\? AND status=\?/],
      // A district's own cases: one range per (unit, status).
      [{ ...base, unitCodes: ['D'] }, /COVERING INDEX cases_queue_by_committee_unit \(<expr>=\? AND unit_code=\? AND status=\?/],
      // A district-wide grant: one range per status, its streets checked in the entries.
      [{ ...base, streetCodes: ['S1', 'S2'] }, /COVERING INDEX cases_queue_by_committee_status \(<expr>=\? AND status=\?/],
    ]
    for (const [place, used] of shapes) {
      for (const extra of [{}, { category: 'neighbour' }, { assigneeId: 'med-1' }]) {
        const q: CaseQuery = { ...place, ...extra }
        const ranges = slaRanges(q)!
        expect(ranges).toHaveLength(2)
        for (const part of [...slaParts(null), ...slaParts({ id: caseId(9), slaDeadline: at(5) }), ...slaParts({ id: caseId(9), slaDeadline: null })]) {
          const p = plan(slaRangeSql(caseWhere(ranges[0]!)!, part, 21))
          expect(p).toMatch(used)
          expect(p).not.toMatch(/TEMP B-TREE/)
        }
        const count = plan(countSql(caseWhere(q)!, 10_001))
        expect(count).toMatch(/SEARCH cases USING COVERING INDEX cases_queue_by_committee/)
      }
    }
  } finally {
    db.close()
  }
})

it('migration 27 counts the committees’ stored cases and mends the department triggers', async () => {
  const old = fs.mkdtempSync(path.join(os.tmpdir(), 'jf-committee-27-'))
  try {
    const db = new Database(path.join(old, DB_FILE_NAME))
    applyMigrations(db, MIGRATIONS.filter((m) => m.version < 27))
    // The delete trigger as migration 25 made it before 27: its subtraction had no typeof check.
    db.exec(`DROP TRIGGER case_department_counts_delete;
      CREATE TRIGGER case_department_counts_delete AFTER DELETE ON cases WHEN instr(OLD.payload, 'department') > 0 BEGIN
        UPDATE case_department_counts SET n = n - 1, dated = dated - (OLD.sla_deadline IS NOT NULL)
          WHERE kind = OLD.kind AND street_code = OLD.street_code AND department = json_extract(OLD.payload, '$.department') AND status = OLD.status;
      END;`)
    db.prepare("INSERT INTO unit_streets (code, street_code) VALUES ('S1', 'S1'), ('D', NULL)").run()
    const insert = db.prepare(`INSERT INTO cases (id, kind, status, unit_code, grid_code, assignee_id, category, payload, creator_id, idempotency_key, created_at, updated_at, sla_deadline, version, street_code)
      VALUES (?, ?, ?, ?, NULL, ?, 'neighbour', ?, 'u1', ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', NULL, 1, ?)`)
    insert.run('m1', 'mediation', 'mediating', 'S1', 'med-1', JSON.stringify({ committee: 'people' }), 'k1', 'S1')
    insert.run('m2', 'mediation', 'applied', 'S1', null, JSON.stringify({ committee: 'people' }), 'k2', 'S1')
    insert.run('m3', 'mediation', 'mediating', 'D', 'med-1', JSON.stringify({ committee: 'people' }), 'k3', null)
    insert.run('r1', 'report', 'submitted', 'S1', null, JSON.stringify({ department: '7' }), 'k4', 'S1')
    insert.run('r2', 'report', 'submitted', 'S1', null, JSON.stringify({ department: 7 }), 'k5', 'S1')
    db.close()
    const store = openSqliteStore(old)
    try {
      const people: CaseQuery = { kind: 'mediation', committee: 'people', streetCodes: ['S1'], order: 'sla' }
      expect(await store.countCases(people)).toBe(2)
      expect(await store.countCases({ ...people, assigneeId: 'med-1' })).toBe(1)
      expect(await store.countCases({ ...people, unitCodes: ['D'], streetCodes: undefined })).toBe(1)
    } finally {
      await store.close()
    }
    const after = new Database(path.join(old, DB_FILE_NAME))
    try {
      const counts = () => after.prepare('SELECT committee, street_code, status, assignee_id, n FROM case_committee_counts ORDER BY status').all()
      expect(counts()).toEqual([
        { committee: 'people', street_code: 'S1', status: 'applied', assignee_id: '', n: 1 },
        { committee: 'people', street_code: 'S1', status: 'mediating', assignee_id: 'med-1', n: 1 },
      ])
      after.prepare("DELETE FROM cases WHERE id = 'r2'").run()
      expect(after.prepare("SELECT n FROM case_department_counts WHERE department = '7'").get()).toEqual({ n: 1 })
    } finally {
      after.close()
    }
  } finally {
    fs.rmSync(old, { recursive: true, force: true })
  }
})
