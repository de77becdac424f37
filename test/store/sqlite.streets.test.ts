/**
 * SQLite's street key (migration 22, caseStreets.ts): stored cases are keyed by the migration, an
 * org import that moves a community to another street re-keys its cases in the same write, and a
 * street's queue statements read index ranges (no sort of the street, no scan).
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { caseWhere, countSql, limitSql, listSql, slaMergeSql, slaParts, slaRangeSql, slaRanges } from '../../backend/adapters/sqlite/caseQuery'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite/openSqliteStore'
import type { CaseQuery } from '../../backend/ports'
import type { OrgUnit } from '../../src/core/org'
import { at, caseId, insertCases, makeCase } from '../contract/fixtures'

const UNITS: OrgUnit[] = [
  { code: 'D', name: '白云区', level: 'district', parentCode: null },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'D' },
  { code: 'S2', name: '同和街道', level: 'street', parentCode: 'D' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
  { code: 'G1', name: '第1网格', level: 'grid', parentCode: 'C1' },
]

const dirs: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jf-streets-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

describe('SQLite street key', () => {
  it('re-keys the cases of a community moved to another street', async () => {
    const dir = tempDir()
    const store = openSqliteStore(dir)
    try {
      await store.putUnits(UNITS)
      const onGrid = makeCase({ id: caseId(1), gridCode: 'G1', unitCode: 'G1' })
      const atCommunity = makeCase({ id: caseId(2), kind: 'mediation', gridCode: null, unitCode: 'C1' })
      await insertCases(store, onGrid, atCommunity)
      expect((await store.listCases({ streetCodes: ['S1'] })).map((c) => c.id).sort()).toEqual([caseId(1), caseId(2)])
      await store.putUnits([{ ...UNITS[3]!, parentCode: 'S2' }])
      expect(await store.listCases({ streetCodes: ['S1'] })).toEqual([])
      expect((await store.listCases({ streetCodes: ['S2'] })).map((c) => c.id).sort()).toEqual([caseId(1), caseId(2)])
      // A unit removed from the org: its cases leave every street.
      await store.deleteUnits(['G1'])
      expect((await store.listCases({ streetCodes: ['S2'] })).map((c) => c.id)).toEqual([caseId(2)])
    } finally {
      await store.close()
    }
  })

  it('answers a street’s report totals from the maintained counts, an overdue one less the cases not yet due', async () => {
    const dir = tempDir()
    const store = openSqliteStore(dir)
    try {
      await store.putUnits(UNITS)
      await insertCases(
        store,
        makeCase({ id: caseId(1), status: 'accepted', slaDeadline: at(10) }),
        makeCase({ id: caseId(2), status: 'accepted', slaDeadline: at(30) }),
        makeCase({ id: caseId(3), status: 'assigned', slaDeadline: null, category: 'noise' }),
      )
      const tab: CaseQuery = { kind: 'report', streetCodes: ['S1'], statuses: ['accepted', 'assigned'] }
      expect(await store.countCases(tab, 10_001)).toBe(3)
      expect(await store.countCases({ ...tab, category: 'noise' }, 10_001)).toBe(1)
      expect(await store.countCases({ ...tab, slaBefore: at(20) }, 10_001)).toBe(1)
      expect(await store.countCases({ ...tab, slaBefore: at(31) }, 10_001)).toBe(2)
      // The counters answer, not a count of `cases`: a counter moved by hand moves the total.
      const db = new Database(path.join(dir, DB_FILE_NAME))
      db.prepare("UPDATE case_counts SET n = n + 5 WHERE street_code = 'S1' AND status = 'accepted'").run()
      db.close()
      expect(await store.countCases(tab, 10_001)).toBe(8)
      expect(await store.countCases(tab, 4)).toBe(4)
      // A filter the counters do not carry is counted from `cases`.
      expect(await store.countCases({ ...tab, assigneeId: 'nobody' }, 10_001)).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('reads a street’s queue page and capped count through index ranges', async () => {
    const dir = tempDir()
    await openSqliteStore(dir).close()
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true })
    const plan = (st: { sql: string; params: unknown[] }) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${st.sql}`).all(...st.params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    const street: CaseQuery = { kind: 'report', streetCodes: ['S1'], statuses: ['accepted', 'assigned'], order: 'sla', limit: 21 }
    const ranges = slaRanges(street)!
    expect(ranges).toHaveLength(2)
    for (const part of [...slaParts(null), ...slaParts({ id: caseId(9), slaDeadline: at(5) }), ...slaParts({ id: caseId(9), slaDeadline: null })]) {
      const p = plan(slaRangeSql(caseWhere(ranges[0]!)!, part, 21))
      expect(p).toMatch(/SEARCH cases USING COVERING INDEX cases_queue_by_street \(kind=\? AND street_code=\? AND status=\?/)
      expect(p).not.toMatch(/TEMP B-TREE/)
      // The page's statement: every range at once, merged in order by SQLite, no sorting.
      const merged = plan(slaMergeSql(ranges.map((r) => caseWhere(r)!), part, 21))
      expect(merged).toMatch(/MERGE \(UNION ALL\)/)
      expect(merged.match(/SEARCH cases USING COVERING INDEX cases_queue_by_street \(kind=\? AND street_code=\? AND status=\?/g)).toHaveLength(2)
      expect(merged).not.toMatch(/TEMP B-TREE/)
    }
    expect(plan(countSql(caseWhere(street)!, 10_001))).toMatch(/COVERING INDEX cases_queue_by_street/)
    const category = slaRanges({ ...street, category: 'HJ01' })!
    expect(plan(slaRangeSql(caseWhere(category[0]!)!, slaParts(null)[0]!, 21))).toMatch(/COVERING INDEX cases_queue_by_street/)
    // A department over the whole district: one range per status, its streets checked in the entries.
    const dep = slaRanges({ kind: 'report', streetCodes: ['S1', 'S2'], department: 'chengguan', statuses: ['assigned'], order: 'sla' })!
    expect(dep).toHaveLength(1)
    const depPlan = plan(slaRangeSql(caseWhere(dep[0]!)!, slaParts(null)[0]!, 21))
    expect(depPlan).toMatch(/COVERING INDEX cases_queue_by_department/)
    expect(depPlan).not.toMatch(/TEMP B-TREE/)
    db.close()
  })
})

describe('case statements’ limits', () => {
  // SQLite plans a written-in LIMIT better than a bound one (caseQuery.ts limitSql): a merge of
  // nine ranges 0.16 → 0.033 ms, a capped count 0.84 → 0.50 ms at a million cases (bench 2h).
  it('are written into the SQL as whole numbers, never bound', () => {
    const q: CaseQuery = { kind: 'report', statuses: ['submitted', 'accepted'], streetCodes: ['S1'], order: 'sla' }
    const where = caseWhere(q)!
    const statements = [
      listSql(where, 'sla', 20),
      countSql(where, 10_001),
      slaRangeSql(where, slaParts(null)[0]!, 21),
      slaMergeSql(slaRanges(q)!.map((r) => caseWhere(r)!), slaParts(null)[0]!, 21),
    ]
    for (const st of statements) {
      expect(st.sql).not.toMatch(/LIMIT \?/)
      expect(st.sql).toMatch(/LIMIT \d+/)
      // Every placeholder has its parameter: nothing was left over from a bound limit.
      expect(st.sql.split('?').length - 1).toBe(st.params.length)
    }
    expect(() => limitSql(20.5)).toThrow(RangeError)
    expect(() => limitSql(-1)).toThrow(RangeError)
    expect(() => limitSql(Number.NaN)).toThrow(RangeError)
    // A count with an infinite cap is a count without one.
    expect(countSql(where, Infinity).sql).not.toMatch(/LIMIT/)
  })
})
