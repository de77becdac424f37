/**
 * Numbers the cases stored before case numbers existed (migration 17): in creation order, each
 * street's cases of a year 1, 2, 3 … as `createOnce` numbers new ones, and the counters set to
 * where each sequence stands, so the next create goes on from there.
 */
import type Database from 'better-sqlite3'
import { caseSequenceKey, caseYear, formatCaseNumber, numberingUnit, parseCaseNumber } from '../../../src/core/caseNumber'
import { OrgTree, type OrgLevel, type OrgUnit } from '../../../src/core/org'

interface UnitRow {
  code: string
  name: string
  level: string
  parent_code: string | null
  short_name: string | null
}

interface CaseRow {
  id: string
  unit_code: string
  grid_code: string | null
  created_at: string
}

export function numberStoredCases(db: Database.Database): number {
  const units = (db.prepare('SELECT code, name, level, parent_code, short_name FROM units').all() as UnitRow[]).map(
    (u): OrgUnit => ({ code: u.code, name: u.name, level: u.level as OrgLevel, parentCode: u.parent_code, ...(u.short_name ? { shortName: u.short_name } : {}) }),
  )
  const tree = new OrgTree(units)
  const cases = db.prepare('SELECT id, unit_code, grid_code, created_at FROM cases WHERE number IS NULL ORDER BY created_at, id').all() as CaseRow[]
  const counters = new Map<string, number>()
  for (const row of db.prepare('SELECT key, value FROM counters').all() as Array<{ key: string; value: number }>) counters.set(row.key, row.value)
  const setNumber = db.prepare('UPDATE cases SET number = ? WHERE id = ?')
  for (const c of cases) {
    const unit = numberingUnit(tree, { gridCode: c.grid_code, unitCode: c.unit_code })
    const year = caseYear(c.created_at)
    const key = caseSequenceKey(unit.short, year)
    const seq = (counters.get(key) ?? 0) + 1
    counters.set(key, seq)
    setNumber.run(formatCaseNumber(unit.short, year, seq), c.id)
  }
  const raise = db.prepare('INSERT INTO counters (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)')
  for (const [key, value] of counters) raise.run(key, value)
  return cases.length
}

/**
 * Migration 18: case sequences are keyed by the short name the number prints (caseSequenceKey), not
 * the street's code, so two streets printing the same short name never print the same number. The
 * counters are set again from the numbers stored: each sequence stands at its highest number.
 */
export function rekeyCaseCounters(db: Database.Database): void {
  const top = new Map<string, number>()
  for (const { number } of db.prepare('SELECT number FROM cases WHERE number IS NOT NULL').all() as Array<{ number: string }>) {
    const n = parseCaseNumber(number)
    if (n) top.set(n.key, Math.max(top.get(n.key) ?? 0, n.seq))
  }
  db.prepare("DELETE FROM counters WHERE key LIKE 'case:%'").run()
  const put = db.prepare('INSERT INTO counters (key, value) VALUES (?, ?)')
  for (const [key, value] of top) put.run(key, value)
}
