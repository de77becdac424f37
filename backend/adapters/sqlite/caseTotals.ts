/**
 * Queue totals from the maintained counts (case_counts, migration 23, caseCounts.ts) where they
 * carry the query: a street dispatcher's tab is a sum of a few dozen counter rows instead of
 * counting up to 10,000 index entries on every page (about a millisecond on its own). The
 * counters hold cases with a grid and a street key, so only reports (which always have a grid)
 * over whole streets, by status and category, are answered here; an overdue tab subtracts the
 * cases not yet due, an index range from now. A district department's tabs (by status, overdue)
 * read case_department_counts (departmentCounts.ts) the same way, and a mediator's tabs over whole
 * streets case_committee_counts (committeeCounts.ts). Anything else is counted from `cases`.
 */
import type { CaseQuery } from '../../ports'
import { instant } from '../fieldTable'
import { caseWhere, countSql, placeholders, type SqlPart } from './caseQuery'
import type { Statements } from './statements'

/** Filters the counters carry; any other one set sends the count to `cases`. */
const CARRIED = new Set<keyof CaseQuery>(['kind', 'streetCodes', 'statuses', 'category', 'slaBefore', 'order', 'limit', 'before'])
/** A department's counts (case_department_counts, migration 25) have no category. */
const DEPARTMENT_CARRIED = new Set<keyof CaseQuery>(['kind', 'streetCodes', 'statuses', 'department', 'slaBefore', 'order', 'limit', 'before'])
/** A committee's counts (case_committee_counts, migration 27) carry the mediator's queue filters. */
const COMMITTEE_CARRIED = new Set<keyof CaseQuery>(['kind', 'committee', 'streetCodes', 'statuses', 'category', 'assigneeId', 'order', 'limit', 'before'])
/** Cases not yet due are counted from `cases` up to this many; beyond it the overdue tab is counted directly. */
const NOT_YET_DUE_MAX = 1000

const hasTables = new WeakMap<Statements, Map<string, boolean>>()

function hasTable(s: Statements, name: 'case_counts' | 'case_department_counts' | 'case_committee_counts'): boolean {
  let known = hasTables.get(s)
  if (!known) hasTables.set(s, (known = new Map()))
  let has = known.get(name)
  if (has === undefined) {
    has = s.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
    known.set(name, has)
  }
  return has
}

function list(column: string, values: readonly string[]): SqlPart {
  return { sql: `${column} IN (${placeholders(values.length)})`, params: [...values] }
}

/** Sums `n` of a counts table where every part holds. */
function summed(s: Statements, table: string, parts: readonly SqlPart[]): number {
  const row = s.get(`SELECT coalesce(SUM(n), 0) AS n FROM ${table} WHERE ${parts.map((p) => p.sql).join(' AND ')}`).get(...parts.flatMap((p) => p.params)) as { n: number }
  return row.n
}

/**
 * A committee's queue over whole streets (a mediator's tab) from its counts; '' stands for a case
 * without a dispute type or mediator there, so a query for '' is counted from `cases`.
 */
function committeeTotal(s: Statements, q: CaseQuery, cap: number | undefined): number | null {
  if (!q.streetCodes?.length || q.category === '' || q.assigneeId === '') return null
  for (const [k, v] of Object.entries(q)) if (v !== undefined && !COMMITTEE_CARRIED.has(k as keyof CaseQuery)) return null
  if (!hasTable(s, 'case_committee_counts')) return null
  const parts: SqlPart[] = []
  if (q.kind !== undefined) parts.push({ sql: 'kind = ?', params: [q.kind] })
  parts.push({ sql: 'committee = ?', params: [q.committee] }, list('street_code', q.streetCodes))
  // An empty status list matches nothing: caseWhere answers it before any count.
  if (q.statuses !== undefined) parts.push(list('status', q.statuses))
  if (q.category !== undefined) parts.push({ sql: 'category = ?', params: [q.category] })
  if (q.assigneeId !== undefined) parts.push({ sql: 'assignee_id = ?', params: [q.assigneeId] })
  const n = summed(s, 'case_committee_counts', parts)
  return cap === undefined ? n : Math.min(n, cap)
}

/** The total of `q` (at most `cap`) from the counters, or null when they do not carry it. */
export function countedTotal(s: Statements, q: CaseQuery, cap: number | undefined): number | null {
  if (q.committee !== undefined) return committeeTotal(s, q, cap)
  if (q.kind !== 'report' || !q.streetCodes?.length || !q.statuses?.length) return null
  // A department's queue over whole streets (a district department) reads its own counts, which
  // hold every case with a street key and that department.
  const table = q.department === undefined ? 'case_counts' : 'case_department_counts'
  const carried = q.department === undefined ? CARRIED : DEPARTMENT_CARRIED
  for (const [k, v] of Object.entries(q)) if (v !== undefined && !carried.has(k as keyof CaseQuery)) return null
  if (!hasTable(s, table)) return null
  const parts = [{ sql: 'kind = ?', params: ['report'] as unknown[] }, list('street_code', q.streetCodes), list('status', q.statuses)]
  if (q.category !== undefined) parts.push({ sql: 'category = ?', params: [q.category] })
  if (q.department !== undefined) parts.push({ sql: 'department = ?', params: [q.department] })
  const row = s
    .get(`SELECT coalesce(SUM(n), 0) AS n, coalesce(SUM(dated), 0) AS dated FROM ${table} WHERE ${parts.map((p) => p.sql).join(' AND ')}`)
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
