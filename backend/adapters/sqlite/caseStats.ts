/**
 * CaseStats on SQLite. A scope that holds whole streets (a street's or the district's dashboard)
 * is read from the counters triggers maintain (caseCounts.ts): a few thousand counter rows instead
 * of a million cases. Whatever the counters cannot answer (a partial street, a filter they do not
 * carry: category, days, overdue, department, number, assignee) is one aggregate statement over
 * the matching cases, grouped by SQLite so no case row reaches JavaScript. All of it is read in
 * one read transaction, so the totals and the breakdowns always agree.
 */
import type { CaseQuery, CaseStats } from '../../ports'
import { caseWhere, type SqlPart } from './caseQuery'
import { jsonList, type Statements } from './statements'
import { instant } from '../fieldTable'

/** Key under which cases without a grid are counted in `byGrid`. */
export const NO_GRID = ''

/** Asia/Shanghai has had no daylight saving since 1991: a fixed +8 hours is exact. */
const SHANGHAI_OFFSET = '+8 hours'

export interface StatsRow {
  dim: 'total' | 'status' | 'category' | 'grid' | 'day'
  key: string
  n: number
  overdue: number | null
  /** On the total row: the sum of the hours to resolve, and over how many cases. */
  hours: number | null
  resolved: number | null
}

export function emptyStats(): CaseStats {
  return { total: 0, overdue: 0, byStatus: {}, byCategory: {}, byGrid: {}, byDay: {}, avgHoursToResolve: null }
}

/** CaseStats before the mean: sums that add up across parts of a scope. */
interface Tally {
  stats: CaseStats
  resolved: number
  hours: number
}

function emptyTally(): Tally {
  return { stats: emptyStats(), resolved: 0, hours: 0 }
}

/**
 * The statement for `q`, or null when `q` matches nothing. Limit, cursor and order of `q`
 * are ignored (caseWhere reads only the filters).
 *
 * - overdue: status not terminal and sla_deadline < now (NULL deadlines compare as not true);
 * - hours: only for a payload.resolvedAt that is JSON text and a parseable time, as julianday
 *   would read a number as a Julian day; SUM and COUNT skip the NULLs. julianday is a double
 *   (error ~40 µs at today's dates), so the difference is rounded to whole milliseconds first,
 *   the precision instants are stored with.
 */
export function caseStatsSql(q: CaseQuery, now: string, terminalStatuses: readonly string[]): SqlPart | null {
  const where = caseWhere(q)
  if (where === null) return null
  const sql = `WITH m AS (
  SELECT status, category,
    COALESCE(grid_code, '${NO_GRID}') AS grid,
    date(created_at, '${SHANGHAI_OFFSET}') AS day,
    (sla_deadline < ? AND status NOT IN (SELECT value FROM json_each(?))) AS overdue,
    CASE WHEN json_type(payload, '$.resolvedAt') = 'text'
      THEN round((julianday(json_extract(payload, '$.resolvedAt')) - julianday(created_at)) * 86400000) / 3600000.0
      END AS hours
  FROM cases ${where.sql}
)
SELECT 'total' AS dim, '' AS key, COUNT(*) AS n, SUM(overdue) AS overdue, SUM(hours) AS hours, COUNT(hours) AS resolved FROM m
UNION ALL SELECT 'status', status, COUNT(*), NULL, NULL, NULL FROM m GROUP BY status
UNION ALL SELECT 'category', category, COUNT(*), NULL, NULL, NULL FROM m GROUP BY category
UNION ALL SELECT 'grid', grid, COUNT(*), NULL, NULL, NULL FROM m GROUP BY grid
UNION ALL SELECT 'day', day, COUNT(*), NULL, NULL, NULL FROM m GROUP BY day`
  return { sql, params: [instant(now), jsonList(terminalStatuses), ...where.params] }
}

const BUCKET = { status: 'byStatus', category: 'byCategory', grid: 'byGrid', day: 'byDay' } as const

function rowsToTally(rows: readonly StatsRow[]): Tally {
  const t = emptyTally()
  for (const r of rows) {
    if (r.dim === 'total') {
      t.stats.total = r.n
      t.stats.overdue = r.overdue ?? 0
      t.hours = r.hours ?? 0
      t.resolved = r.resolved ?? 0
    } else {
      t.stats[BUCKET[r.dim]][r.key] = r.n
    }
  }
  return t
}

function fromCases(s: Statements, q: CaseQuery, now: string, terminalStatuses: readonly string[]): Tally {
  const stmt = caseStatsSql(q, now, terminalStatuses)
  if (stmt === null) return emptyTally()
  return rowsToTally(s.get(stmt.sql).all(...stmt.params) as StatsRow[])
}

/** The query fields the counters carry; any other filter is read from the cases. */
const COUNTED_FIELDS: ReadonlySet<string> = new Set(['kind', 'gridCodes', 'statuses', 'order', 'limit', 'before'])

function countersServe(q: CaseQuery): q is CaseQuery & { kind: string; gridCodes: readonly string[] } {
  if (q.kind === undefined || q.gridCodes === undefined) return false
  return Object.entries(q).every(([k, v]) => v === undefined || COUNTED_FIELDS.has(k))
}

const IN_LIST = 'IN (SELECT value FROM json_each(?))'

/**
 * The streets whose every counted grid is in `gridCodes`: their counters stand for exactly the
 * scope's cases of those grids (cases.street_code is the grid's street, re-keyed by the store
 * when the org tree moves a grid). Also each such grid's total, byGrid without a status filter.
 */
function wholeStreets(s: Statements, kind: string, gridCodes: readonly string[]) {
  // Raw rows checked here: a few thousand, cheaper than SQLite's IN over a JSON list of the scope.
  const rows = s.get('SELECT street_code, grid_code, n FROM case_grid_totals WHERE kind = ? AND n > 0').raw().all(kind) as Array<[string, string, number]>
  const scope = new Set(gridCodes)
  const partial = new Set<string>()
  for (const [street, grid] of rows) if (!scope.has(grid)) partial.add(street)
  const streets = new Set<string>()
  const grids = new Map<string, number>()
  for (const [street, grid, n] of rows) {
    if (partial.has(street)) continue
    streets.add(street)
    grids.set(grid, n)
  }
  return { streets: [...streets], grids }
}

interface CountRow {
  status: string
  category: string
  n: number
  dated: number
  resolved: number
  ms: number
}

function fromCounters(
  s: Statements,
  q: { kind: string; statuses?: readonly string[] },
  streets: readonly string[],
  gridTotals: ReadonlyMap<string, number>,
  now: string,
  terminalStatuses: readonly string[],
): Tally {
  const t = emptyTally()
  const streetList = jsonList(streets)
  const st = q.statuses === undefined ? null : jsonList(q.statuses)
  const byStatus = st === null ? '' : `AND status ${IN_LIST}`
  const params = st === null ? [q.kind, streetList] : [q.kind, streetList, st]
  const rows = s
    .get(
      `SELECT status, category, SUM(n) AS n, SUM(dated) AS dated, SUM(resolved) AS resolved, SUM(resolve_ms) AS ms
       FROM case_counts WHERE kind = ? AND street_code ${IN_LIST} ${byStatus} GROUP BY status, category HAVING SUM(n) > 0`,
    )
    .all(...params) as CountRow[]
  const terminal = new Set(terminalStatuses)
  const open = new Set<string>()
  let dated = 0
  for (const r of rows) {
    t.stats.total += r.n
    t.stats.byStatus[r.status] = (t.stats.byStatus[r.status] ?? 0) + r.n
    t.stats.byCategory[r.category] = (t.stats.byCategory[r.category] ?? 0) + r.n
    t.resolved += r.resolved
    t.hours += r.ms / 3_600_000
    if (!terminal.has(r.status)) {
      open.add(r.status)
      dated += r.dated
    }
  }
  if (st === null) {
    for (const [grid, n] of gridTotals) t.stats.byGrid[grid] = n
  } else {
    const grids = s
      .get(`SELECT grid_code AS key, SUM(n) AS n FROM case_grid_counts WHERE kind = ? AND street_code ${IN_LIST} ${byStatus} GROUP BY grid_code HAVING SUM(n) > 0`)
      .all(...params) as Array<{ key: string; n: number }>
    for (const r of grids) t.stats.byGrid[r.key] = r.n
  }
  const days = s
    .get(`SELECT day AS key, SUM(n) AS n FROM ${st === null ? 'case_day_totals' : 'case_day_counts'} WHERE kind = ? AND street_code ${IN_LIST} ${byStatus} GROUP BY day HAVING SUM(n) > 0`)
    .all(...params) as Array<{ key: string; n: number }>
  for (const r of days) t.stats.byDay[r.key] = r.n
  // Overdue is time-dependent: every open case with a deadline, less those whose deadline is still
  // ahead, which are few (deadlines are hours or days away) and an index range from now.
  if (open.size > 0) {
    const ahead = s
      .get(
        `SELECT COUNT(*) AS n FROM cases WHERE kind = ? AND street_code ${IN_LIST} AND status ${IN_LIST}
         AND sla_deadline >= ? AND grid_code IS NOT NULL`,
      )
      .get(q.kind, streetList, jsonList([...open]), instant(now)) as { n: number }
    t.stats.overdue = dated - ahead.n
  }
  return t
}

function add(into: Tally, part: Tally): void {
  into.stats.total += part.stats.total
  into.stats.overdue += part.stats.overdue
  into.resolved += part.resolved
  into.hours += part.hours
  for (const k of ['byStatus', 'byCategory', 'byGrid', 'byDay'] as const) {
    for (const [key, n] of Object.entries(part.stats[k])) into.stats[k][key] = (into.stats[k][key] ?? 0) + n
  }
}

function toStats(t: Tally): CaseStats {
  return { ...t.stats, avgHoursToResolve: t.resolved === 0 ? null : t.hours / t.resolved }
}

/** The statistics of the cases matching `q` (limit, cursor and order ignored) at `now`. */
export function readCaseStats(s: Statements, q: CaseQuery, now: string, terminalStatuses: readonly string[]): CaseStats {
  if (!countersServe(q)) return toStats(fromCases(s, q, now, terminalStatuses))
  if (q.gridCodes.length === 0 || q.statuses?.length === 0) return emptyStats()
  s.get('BEGIN').run()
  try {
    const whole = wholeStreets(s, q.kind, q.gridCodes)
    const rest = q.gridCodes.filter((g) => !whole.grids.has(g))
    const counted = whole.streets.length > 0 ? fromCounters(s, q, whole.streets, whole.grids, now, terminalStatuses) : null
    const read = rest.length > 0 || counted === null ? fromCases(s, { ...q, gridCodes: rest }, now, terminalStatuses) : null
    if (counted === null || read === null) return toStats((counted ?? read)!)
    add(counted, read)
    return toStats(counted)
  } finally {
    s.get('COMMIT').run()
  }
}
