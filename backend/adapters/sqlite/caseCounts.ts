/**
 * Maintained counts of cases per street, the district dashboard's numbers without reading the
 * million case rows they summarise. Triggers on `cases` keep them, so every transaction that
 * writes a case moves its counts in the same commit, whichever use case (or migration) wrote it.
 *
 * Only cases with a grid and a street key are counted: the dashboard's scope is a set of grids,
 * and a street's counts stand for its grids only when the scope holds every grid counted under
 * it (caseStats.ts checks that, and reads the rest from `cases`).
 *
 * - case_counts: per (kind, street, status, category): cases, those with a deadline (for the
 *   overdue count: open cases with a deadline minus those not yet due, an index range from now),
 *   those with a readable payload.resolvedAt and their creation → resolved milliseconds;
 * - case_grid_totals: per (kind, street, grid), all statuses: the scope check and byGrid;
 * - case_grid_counts: per (kind, street, status, grid): byGrid under a status filter;
 * - case_day_totals: per (kind, street, Shanghai day of creation), all statuses: byDay;
 * - case_day_counts: per (kind, street, status, day): byDay under a status filter.
 *
 * Rows that fall to 0 are kept (readers skip them): a case moving back and forth does not
 * delete and insert the same key every time.
 */
import type Database from 'better-sqlite3'
import { COMMITTEE_COUNTS } from './committeeCounts'
import { DEPARTMENT_COUNTS } from './departmentCounts'
import { hasTable, keptCountTriggers } from './keptCounts'

/** Asia/Shanghai has had no daylight saving since 1991: a fixed +8 hours is exact. */
const SHANGHAI_OFFSET = '+8 hours'

/**
 * Creation → payload.resolvedAt in whole milliseconds, NULL when there is no readable resolvedAt
 * (only JSON text: julianday would read a number as a Julian day), as caseStatsSql computes it.
 */
function resolveMs(row: string): string {
  // instr first: most writes are of cases not yet resolved, and it spares parsing their payload.
  // JSON.stringify writes the key as it is, so a payload without the text has no such key.
  return `(CASE WHEN instr(${row}.payload, 'resolvedAt') > 0 AND json_type(${row}.payload, '$.resolvedAt') = 'text'
    THEN CAST(round((julianday(json_extract(${row}.payload, '$.resolvedAt')) - julianday(${row}.created_at)) * 86400000) AS INTEGER) END)`
}

function dayOf(row: string): string {
  return `date(${row}.created_at, '${SHANGHAI_OFFSET}')`
}

/** The statements adding (+1) the case `row` (NEW) to every table; guarded to counted cases. */
function addStatements(row: string): string {
  const counted = `${row}.grid_code IS NOT NULL AND ${row}.street_code IS NOT NULL`
  return `
  INSERT INTO case_counts (kind, street_code, status, category, n, dated, resolved, resolve_ms)
    SELECT ${row}.kind, ${row}.street_code, ${row}.status, ${row}.category, 1, ${row}.sla_deadline IS NOT NULL,
      ${resolveMs(row)} IS NOT NULL, coalesce(${resolveMs(row)}, 0)
    WHERE ${counted}
    ON CONFLICT DO UPDATE SET n = n + 1, dated = dated + excluded.dated, resolved = resolved + excluded.resolved,
      resolve_ms = resolve_ms + excluded.resolve_ms;
  INSERT INTO case_grid_totals (kind, street_code, grid_code, n) SELECT ${row}.kind, ${row}.street_code, ${row}.grid_code, 1
    WHERE ${counted} ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO case_grid_counts (kind, street_code, status, grid_code, n) SELECT ${row}.kind, ${row}.street_code, ${row}.status, ${row}.grid_code, 1
    WHERE ${counted} ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO case_day_totals (kind, street_code, day, n) SELECT ${row}.kind, ${row}.street_code, ${dayOf(row)}, 1
    WHERE ${counted} ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO case_day_counts (kind, street_code, status, day, n) SELECT ${row}.kind, ${row}.street_code, ${row}.status, ${dayOf(row)}, 1
    WHERE ${counted} ON CONFLICT DO UPDATE SET n = n + 1;`
}

/** The statements taking the case `row` (OLD) off; a row not counted matches no key (NULL never equals). */
function subtractStatements(row: string): string {
  return `
  UPDATE case_counts SET n = n - 1, dated = dated - (${row}.sla_deadline IS NOT NULL),
      resolved = resolved - (${resolveMs(row)} IS NOT NULL), resolve_ms = resolve_ms - coalesce(${resolveMs(row)}, 0)
    WHERE kind = ${row}.kind AND street_code = ${row}.street_code AND status = ${row}.status AND category = ${row}.category
      AND ${row}.grid_code IS NOT NULL;
  UPDATE case_grid_totals SET n = n - 1 WHERE kind = ${row}.kind AND street_code = ${row}.street_code AND grid_code = ${row}.grid_code;
  UPDATE case_grid_counts SET n = n - 1
    WHERE kind = ${row}.kind AND street_code = ${row}.street_code AND status = ${row}.status AND grid_code = ${row}.grid_code;
  UPDATE case_day_totals SET n = n - 1
    WHERE kind = ${row}.kind AND street_code = ${row}.street_code AND day = ${dayOf(row)} AND ${row}.grid_code IS NOT NULL;
  UPDATE case_day_counts SET n = n - 1
    WHERE kind = ${row}.kind AND street_code = ${row}.street_code AND status = ${row}.status AND day = ${dayOf(row)}
      AND ${row}.grid_code IS NOT NULL;`
}

/** Columns a count depends on; an update touching none of them (a note, a photo) costs no counter write. */
const COUNTED_CHANGE = `(OLD.kind, OLD.street_code, OLD.grid_code, OLD.status, OLD.category, OLD.created_at, OLD.sla_deadline IS NULL)
    IS NOT (NEW.kind, NEW.street_code, NEW.grid_code, NEW.status, NEW.category, NEW.created_at, NEW.sla_deadline IS NULL)
  OR ((instr(OLD.payload, 'resolvedAt') > 0 OR instr(NEW.payload, 'resolvedAt') > 0)
    AND json_extract(OLD.payload, '$.resolvedAt') IS NOT json_extract(NEW.payload, '$.resolvedAt'))`

/** Migration 23's schema: the tables and the triggers that keep them (filled by rebuildCaseCounts). */
export const CASE_COUNTS_SQL = `
CREATE TABLE case_counts (
  kind        TEXT NOT NULL,
  street_code TEXT NOT NULL,
  status      TEXT NOT NULL,
  category    TEXT NOT NULL,
  n           INTEGER NOT NULL,
  dated       INTEGER NOT NULL,
  resolved    INTEGER NOT NULL,
  resolve_ms  INTEGER NOT NULL,
  PRIMARY KEY (kind, street_code, status, category)
) STRICT, WITHOUT ROWID;
CREATE TABLE case_grid_totals (
  kind        TEXT NOT NULL,
  street_code TEXT NOT NULL,
  grid_code   TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (kind, street_code, grid_code)
) STRICT, WITHOUT ROWID;
CREATE TABLE case_grid_counts (
  kind        TEXT NOT NULL,
  street_code TEXT NOT NULL,
  status      TEXT NOT NULL,
  grid_code   TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (kind, street_code, status, grid_code)
) STRICT, WITHOUT ROWID;
CREATE TABLE case_day_totals (
  kind        TEXT NOT NULL,
  street_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (kind, street_code, day)
) STRICT, WITHOUT ROWID;
CREATE TABLE case_day_counts (
  kind        TEXT NOT NULL,
  street_code TEXT NOT NULL,
  status      TEXT NOT NULL,
  day         TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (kind, street_code, status, day)
) STRICT, WITHOUT ROWID;
${caseCountTriggersSql()}`

/** The triggers alone: the bench drops them for its bulk load and makes them again after. */
export function caseCountTriggersSql(): string {
  return `
CREATE TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN${addStatements('NEW')}
END;
CREATE TRIGGER case_counts_update AFTER UPDATE ON cases WHEN ${COUNTED_CHANGE}
BEGIN${subtractStatements('OLD')}${addStatements('NEW')}
END;
CREATE TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN${subtractStatements('OLD')}
END;
`
}

export const CASE_COUNT_TABLES = ['case_counts', 'case_grid_totals', 'case_grid_counts', 'case_day_totals', 'case_day_counts'] as const

export const CASE_COUNT_TRIGGERS = ['case_counts_insert', 'case_counts_update', 'case_counts_delete'] as const

/**
 * Counts every case again from `cases`: migration 23's backfill, the bench after its bulk load,
 * and the recount test's reference. One scan folded here rather than a GROUP BY per table, each of
 * which sorted the million rows again. Run it inside the caller's transaction or alone
 * (better-sqlite3 makes a nested `transaction` a savepoint).
 */
export function rebuildCaseCounts(db: Database.Database): void {
  const SEP = '\u0001'
  const counts = new Map<string, [number, number, number, number]>()
  const tallies: Record<'grid' | 'gridStatus' | 'day' | 'dayStatus', Map<string, number>> = { grid: new Map(), gridStatus: new Map(), day: new Map(), dayStatus: new Map() }
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1)
  const scan = db.prepare(
    `SELECT c.kind, c.street_code, c.status, c.category, c.grid_code, ${dayOf('c')}, c.sla_deadline IS NOT NULL, ${resolveMs('c')}
     FROM cases AS c WHERE c.grid_code IS NOT NULL AND c.street_code IS NOT NULL`,
  )
  db.transaction(() => {
    for (const t of CASE_COUNT_TABLES) db.exec(`DELETE FROM ${t}`)
    for (const r of scan.raw().iterate() as IterableIterator<[string, string, string, string, string, string, number, number | null]>) {
      const [kind, street, status, category, grid, day, dated, ms] = r
      const key = [kind, street, status, category].join(SEP)
      const c = counts.get(key) ?? [0, 0, 0, 0]
      c[0]++
      c[1] += dated
      if (ms !== null) {
        c[2]++
        c[3] += ms
      }
      counts.set(key, c)
      bump(tallies.grid, [kind, street, grid].join(SEP))
      bump(tallies.gridStatus, [kind, street, status, grid].join(SEP))
      bump(tallies.day, [kind, street, day].join(SEP))
      bump(tallies.dayStatus, [kind, street, status, day].join(SEP))
    }
    const put = (sql: string, m: Map<string, number>) => {
      const stmt = db.prepare(sql)
      for (const [key, n] of m) stmt.run(...key.split(SEP), n)
    }
    const putCounts = db.prepare('INSERT INTO case_counts (kind, street_code, status, category, n, dated, resolved, resolve_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    for (const [key, c] of counts) putCounts.run(...key.split(SEP), ...c)
    put('INSERT INTO case_grid_totals (kind, street_code, grid_code, n) VALUES (?, ?, ?, ?)', tallies.grid)
    put('INSERT INTO case_grid_counts (kind, street_code, status, grid_code, n) VALUES (?, ?, ?, ?, ?)', tallies.gridStatus)
    put('INSERT INTO case_day_totals (kind, street_code, day, n) VALUES (?, ?, ?, ?)', tallies.day)
    put('INSERT INTO case_day_counts (kind, street_code, status, day, n) VALUES (?, ?, ?, ?, ?)', tallies.dayStatus)
    // The department and committee counts come with migrations 25 and 27, after this one's backfill.
    for (const k of LATER_COUNTS) if (hasTable(db, k.table)) k.rebuild(db)
  })()
}

/** Counts tables later migrations made beside these, each kept by triggers of its own. */
const LATER_COUNTS = [DEPARTMENT_COUNTS, COMMITTEE_COUNTS]

/** For a bulk load: drops the triggers (each insert would bump up to eight tables), and `restore` makes them again. */
export function suspendCaseCountTriggers(db: Database.Database): { restore(): void } {
  const later = LATER_COUNTS.filter((k) => hasTable(db, k.table))
  for (const t of [...CASE_COUNT_TRIGGERS, ...later.flatMap((k) => keptCountTriggers(k.table))]) db.exec(`DROP TRIGGER IF EXISTS ${t}`)
  return { restore: () => db.exec(caseCountTriggersSql() + later.map((k) => k.triggersSql()).join('')) }
}
