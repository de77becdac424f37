/**
 * Maintained counts of a department's cases per street and status (migration 25): a district
 * department's queue total (~200,000 cases, ~52,000 in 处理中) summed from a few dozen rows instead
 * of counting up to 10,001 index entries on every page. Kept by triggers on `cases` like
 * caseCounts.ts, so every transaction that writes a case moves them in the same commit.
 *
 * Counted: cases with a street key and a text payload.department, exactly the cases a department
 * queue over whole streets matches (caseTotals.ts reads them). `dated` (cases with a deadline) lets
 * the overdue tab subtract the cases not yet due, as the street dispatcher's total does.
 */
import type Database from 'better-sqlite3'
import { keptCountTriggersSql, type KeptCountTable } from './keptCounts'

export const DEPARTMENT_COUNTS_TABLE = 'case_department_counts'

/** Spelled as the cases_queue_by_department index expression, so the rebuild reads that index. */
const dept = (row: string) => `json_extract(${row}.payload, '$.department')`

function add(row: string): string {
  return `
  INSERT INTO case_department_counts (kind, street_code, department, status, n, dated)
    SELECT ${row}.kind, ${row}.street_code, ${dept(row)}, ${row}.status, 1, ${row}.sla_deadline IS NOT NULL
    WHERE ${row}.street_code IS NOT NULL AND typeof(${dept(row)}) = 'text'
    ON CONFLICT DO UPDATE SET n = n + 1, dated = dated + excluded.dated;`
}

/**
 * Only a counted row is subtracted: NULL never equals, and the typeof check keeps a number in
 * payload.department (which the TEXT column would compare as text) from taking one off a
 * department of that name.
 */
function subtract(row: string): string {
  return `
  UPDATE case_department_counts SET n = n - 1, dated = dated - (${row}.sla_deadline IS NOT NULL)
    WHERE typeof(${dept(row)}) = 'text' AND kind = ${row}.kind AND street_code = ${row}.street_code AND department = ${dept(row)} AND status = ${row}.status;`
}

/** A department is parsed only when either payload mentions one: most updates are of other cases' fields. */
const COUNTED_CHANGE = `(OLD.kind, OLD.street_code, OLD.status, OLD.sla_deadline IS NULL)
    IS NOT (NEW.kind, NEW.street_code, NEW.status, NEW.sla_deadline IS NULL)
  OR ((instr(OLD.payload, 'department') > 0 OR instr(NEW.payload, 'department') > 0)
    AND ${dept('OLD')} IS NOT ${dept('NEW')})`

/** Guarded so an update of a case without a department writes no counter row. */
const HAS_DEPARTMENT = (row: string) => `instr(${row}.payload, 'department') > 0`

export function departmentCountTriggersSql(): string {
  return keptCountTriggersSql(DEPARTMENT_COUNTS_TABLE, { mentions: HAS_DEPARTMENT, changed: COUNTED_CHANGE, add, subtract })
}

/** Migration 25's schema (filled by rebuildDepartmentCounts). Rows that fall to 0 are kept. */
export const DEPARTMENT_COUNTS_SQL = `
CREATE TABLE case_department_counts (
  kind        TEXT NOT NULL,
  street_code TEXT NOT NULL,
  department  TEXT NOT NULL,
  status      TEXT NOT NULL,
  n           INTEGER NOT NULL,
  dated       INTEGER NOT NULL,
  PRIMARY KEY (kind, street_code, department, status)
) STRICT, WITHOUT ROWID;
${departmentCountTriggersSql()}`

/**
 * Counts again from `cases`: one GROUP BY walking the partial department index (migration 22),
 * so only cases with a department are visited; the planner would otherwise scan every case.
 */
export function rebuildDepartmentCounts(db: Database.Database): void {
  db.transaction(() => {
    db.exec('DELETE FROM case_department_counts')
    db.exec(`
      INSERT INTO case_department_counts (kind, street_code, department, status, n, dated)
      SELECT c.kind, c.street_code, ${dept('c')}, c.status, COUNT(*), SUM(c.sla_deadline IS NOT NULL)
      FROM cases AS c INDEXED BY cases_queue_by_department
      WHERE ${dept('c')} IS NOT NULL AND typeof(${dept('c')}) = 'text' AND c.street_code IS NOT NULL
      GROUP BY ${dept('c')}, c.status, c.street_code, c.kind`)
  })()
}

export const DEPARTMENT_COUNTS: KeptCountTable = { table: DEPARTMENT_COUNTS_TABLE, triggersSql: departmentCountTriggersSql, rebuild: rebuildDepartmentCounts }
