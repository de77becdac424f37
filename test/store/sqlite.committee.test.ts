/**
 * A mediator's queue on SQLite (migration 26): a committee's cases of one street, of the
 * district's own unit, or of every street are read per status from a cases_queue_by_committee*
 * index in deadline order (no sort, no scan of the streets' mediation cases), and counted from
 * the same entries.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
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
