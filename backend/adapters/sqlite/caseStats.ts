/**
 * CaseStats in one aggregate statement: the filtered cases are reduced to a few derived
 * columns and grouped per dimension by SQLite, so no case row reaches JavaScript. One
 * statement also means one snapshot: the totals and the breakdowns always agree.
 */
import type { CaseQuery, CaseStats } from '../../ports'
import { caseWhere, type SqlPart } from './caseQuery'
import { jsonList } from './statements'
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
  hours: number | null
}

export function emptyStats(): CaseStats {
  return { total: 0, overdue: 0, byStatus: {}, byCategory: {}, byGrid: {}, byDay: {}, avgHoursToResolve: null }
}

/**
 * The statement for `q`, or null when `q` matches nothing. Limit, cursor and order of `q`
 * are ignored (caseWhere reads only the filters).
 *
 * - overdue: status not terminal and sla_deadline < now (NULL deadlines compare as not true);
 * - hours: only for a payload.resolvedAt that is JSON text and a parseable time, as julianday
 *   would read a number as a Julian day; AVG skips the NULLs. julianday is a double (error
 *   ~40 µs at today's dates), so the difference is rounded to whole milliseconds first, the
 *   precision instants are stored with.
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
SELECT 'total' AS dim, '' AS key, COUNT(*) AS n, SUM(overdue) AS overdue, AVG(hours) AS hours FROM m
UNION ALL SELECT 'status', status, COUNT(*), NULL, NULL FROM m GROUP BY status
UNION ALL SELECT 'category', category, COUNT(*), NULL, NULL FROM m GROUP BY category
UNION ALL SELECT 'grid', grid, COUNT(*), NULL, NULL FROM m GROUP BY grid
UNION ALL SELECT 'day', day, COUNT(*), NULL, NULL FROM m GROUP BY day`
  return { sql, params: [instant(now), jsonList(terminalStatuses), ...where.params] }
}

const BUCKET = { status: 'byStatus', category: 'byCategory', grid: 'byGrid', day: 'byDay' } as const

export function rowsToStats(rows: readonly StatsRow[]): CaseStats {
  const s = emptyStats()
  for (const r of rows) {
    if (r.dim === 'total') {
      s.total = r.n
      s.overdue = r.overdue ?? 0
      s.avgHoursToResolve = r.hours ?? null
    } else {
      s[BUCKET[r.dim]][r.key] = r.n
    }
  }
  return s
}
