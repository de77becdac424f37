/**
 * Queue totals from the maintained counts (case_counts, migration 23, caseCounts.ts) where they
 * carry the query: a street dispatcher's tab is a sum of a few dozen counter rows instead of
 * counting up to 10,000 index entries on every page (about a millisecond on its own). The
 * counters hold cases with a grid and a street key, so only reports (which always have a grid)
 * over whole streets, by status and category, are answered here; an overdue tab subtracts the
 * cases not yet due, an index range from now. Anything else is counted from `cases`.
 */
import type { CaseQuery } from '../../ports'
import { instant } from '../fieldTable'
import { caseWhere, countSql, type SqlPart } from './caseQuery'
import type { Statements } from './statements'

/** Filters the counters carry; any other one set sends the count to `cases`. */
const CARRIED = new Set<keyof CaseQuery>(['kind', 'streetCodes', 'statuses', 'category', 'slaBefore', 'order', 'limit', 'before'])
/** Cases not yet due are counted from `cases` up to this many; beyond it the overdue tab is counted directly. */
const NOT_YET_DUE_MAX = 1000

const hasCounts = new WeakMap<Statements, boolean>()

function countsTable(s: Statements): boolean {
  let has = hasCounts.get(s)
  if (has === undefined) {
    has = s.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_counts'").get() !== undefined
    hasCounts.set(s, has)
  }
  return has
}

function list(column: string, values: readonly string[]): SqlPart {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] }
}

/** The total of `q` (at most `cap`) from the counters, or null when they do not carry it. */
export function countedTotal(s: Statements, q: CaseQuery, cap: number | undefined): number | null {
  if (q.kind !== 'report' || !q.streetCodes?.length || !q.statuses?.length) return null
  for (const [k, v] of Object.entries(q)) if (v !== undefined && !CARRIED.has(k as keyof CaseQuery)) return null
  if (!countsTable(s)) return null
  const parts = [{ sql: 'kind = ?', params: ['report'] as unknown[] }, list('street_code', q.streetCodes), list('status', q.statuses)]
  if (q.category !== undefined) parts.push({ sql: 'category = ?', params: [q.category] })
  const row = s
    .get(`SELECT coalesce(SUM(n), 0) AS n, coalesce(SUM(dated), 0) AS dated FROM case_counts WHERE ${parts.map((p) => p.sql).join(' AND ')}`)
    .get(...parts.flatMap((p) => p.params)) as { n: number; dated: number }
  let n = row.n
  if (q.slaBefore !== undefined) {
    const { slaBefore, ...rest } = q
    const where = caseWhere(rest)!
    const notYet = countSql({ sql: `${where.sql} AND sla_deadline >= ?`, params: [...where.params, instant(slaBefore)] }, NOT_YET_DUE_MAX + 1)
    const due = (s.get(notYet.sql).get(...notYet.params) as { n: number }).n
    if (due > NOT_YET_DUE_MAX) return null
    n = row.dated - due
  }
  return cap === undefined ? n : Math.min(n, cap)
}
