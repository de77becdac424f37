/**
 * The street key of cases (cases.street_code): the street at or above the case's grid, or, for a
 * case without a grid (mediation), above its unit; null above the street level. A street's queue
 * then reads one index range per status instead of sorting the entries of ~340 grids.
 *
 * `unit_streets` holds that street for every unit, so a case write finds it with one primary-key
 * read in its own statement (see STREET_OF_CASE), inside the case's transaction. It is derived
 * from `units` by the core's rule (OrgTree.ancestorAt) whenever units change, and the cases of
 * units whose street changed are re-keyed in the same write.
 */
import { OrgTree, type OrgLevel, type OrgUnit } from '../../../src/core/org'

/** What both a migration's raw connection and the store's statement cache offer. */
interface Prepares {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown }
}

/** SQL expression for a case row's street, given the row's own grid and unit expressions. */
export function streetOfCase(grid: string, unit: string): string {
  return `(SELECT street_code FROM unit_streets WHERE code = coalesce(${grid}, ${unit}))`
}

/** For INSERT/UPDATE statements that bind the case's columns by name. */
export const STREET_OF_CASE = streetOfCase('@grid_code', '@unit_code')

export function streetsOfUnits(units: readonly OrgUnit[]): Map<string, string | null> {
  const tree = new OrgTree(units)
  return new Map(units.map((u) => [u.code, tree.ancestorAt(u.code, 'street')?.code ?? null]))
}

interface UnitRow {
  code: string
  name: string
  level: string
  parent_code: string | null
}

/**
 * Brings unit_streets in line with `units` and re-keys the cases of every unit whose street
 * changed (an org import moving a community to another street). Returns the units re-keyed.
 */
export function refreshUnitStreets(db: Prepares): number {
  const units = (db.prepare('SELECT code, name, level, parent_code FROM units').all() as UnitRow[]).map(
    (u): OrgUnit => ({ code: u.code, name: u.name, level: u.level as OrgLevel, parentCode: u.parent_code }),
  )
  const want = streetsOfUnits(units)
  const have = new Map((db.prepare('SELECT code, street_code FROM unit_streets').all() as Array<{ code: string; street_code: string | null }>).map((r) => [r.code, r.street_code]))
  const changed: string[] = []
  for (const [code, street] of want) if (!have.has(code) || have.get(code) !== street) changed.push(code)
  const gone = [...have.keys()].filter((code) => !want.has(code))
  if (changed.length === 0 && gone.length === 0) return 0
  const put = db.prepare('INSERT INTO unit_streets (code, street_code) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET street_code = excluded.street_code')
  for (const code of changed) put.run(code, want.get(code) ?? null)
  const drop = db.prepare('DELETE FROM unit_streets WHERE code = ?')
  for (const code of gone) drop.run(code)
  // Only units that had cases before can have stale keys; a brand-new unit has none yet.
  const rekey = [...changed.filter((c) => have.has(c)), ...gone]
  if (rekey.length > 0) {
    const list = JSON.stringify(rekey)
    db.prepare(
      `UPDATE cases SET street_code = ${streetOfCase('grid_code', 'unit_code')}
       WHERE grid_code IN (SELECT value FROM json_each(?)) OR (grid_code IS NULL AND unit_code IN (SELECT value FROM json_each(?)))`,
    ).run(list, list)
  }
  return rekey.length
}

/** Migration 22's backfill: every stored case gets its street key. */
export function keyStoredCases(db: Prepares): void {
  refreshUnitStreets(db)
  db.prepare(`UPDATE cases SET street_code = ${streetOfCase('grid_code', 'unit_code')}`).run()
}
