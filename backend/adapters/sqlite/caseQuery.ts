/** SQL for CaseQuery: the shared filters of listCases/countCases, ordering and keyset paging. */
import type { CaseQuery } from '../../ports'
import { instant } from '../fieldTable'
import { caseLimit } from '../limits'
import { jsonList } from './statements'

export interface SqlPart {
  sql: string
  params: unknown[]
}

/** `?, ?, …` for n values, made once per length: every queue page asks for the same few. */
const PLACEHOLDERS: string[] = []
export function placeholders(n: number): string {
  return (PLACEHOLDERS[n] ??= Array.from({ length: n }, () => '?').join(', '))
}

/**
 * payload.department, spelled exactly as in the cases_by_department expression index (SQLite
 * uses an expression index only for the same expression).
 */
export const DEPARTMENT_EXPR = "json_extract(payload, '$.department')"
/** payload.committee, spelled exactly as in the cases_queue_by_committee* indexes (migration 26). */
export const COMMITTEE_EXPR = "json_extract(payload, '$.committee')"

/**
 * WHERE clause for the filters of `q`, or null when the query cannot match anything. An
 * empty list filter means "none of these", not "no filter": a grid worker whose grant list
 * is empty must see no cases rather than all of them.
 */
export function caseWhere(q: CaseQuery): SqlPart | null {
  // Conditions and parameters are pushed in step into two arrays: a queue page builds this for
  // every range it merges (nine to eighteen), so no object or array is made per condition.
  const conds: string[] = []
  const params: unknown[] = []
  const eq = (sql: string, value: unknown) => {
    conds.push(sql)
    params.push(value)
  }
  // kind leads only the street index (cases_queue_by_street): without a street to go with it, a
  // kind range is every case of that kind, sorted afterwards, so `+kind` keeps the planner on the
  // index of the other filters (a deadline range, a creator, an assignee) as before that index.
  if (q.kind !== undefined) eq(q.streetCodes === undefined ? '+kind = ?' : 'kind = ?', q.kind)
  if (q.creatorId !== undefined) eq('creator_id = ?', q.creatorId)
  if (q.assigneeId !== undefined) eq('assignee_id = ?', q.assigneeId)
  if (q.category !== undefined) eq('category = ?', q.category)
  // A committee's queue at one street (or one unit) is a range of cases_queue_by_committee (or
  // _by_committee_unit); over several it is a range of _by_committee_status, the places checked in
  // its entries: `+` keeps the planner from seeking each place and sorting what it finds.
  const many = (values: readonly string[] | undefined) => (q.committee !== undefined && values !== undefined && values.length > 1 ? '+' : '')
  for (const [column, values] of [
    ['status', q.statuses],
    ['grid_code', q.gridCodes],
    [`${many(q.unitCodes)}unit_code`, q.unitCodes],
    [`${many(q.streetCodes)}street_code`, q.streetCodes],
  ] as const) {
    if (values === undefined) continue
    if (values.length === 0) return null
    conds.push(`${column} IN (${placeholders(values.length)})`)
    for (const v of values) params.push(v)
  }
  if (q.ids !== undefined) {
    if (q.ids.length === 0) return null
    eq('id IN (SELECT value FROM json_each(?))', jsonList(q.ids))
  }
  if (q.number !== undefined) eq('number = ?', q.number)
  if (q.department !== undefined) eq(`${DEPARTMENT_EXPR} = ?`, q.department)
  if (q.committee !== undefined) eq(`${COMMITTEE_EXPR} = ?`, q.committee)
  // Strictly after / before, as the names say.
  if (q.createdAfter !== undefined) eq('created_at > ?', instant(q.createdAfter))
  if (q.createdBefore !== undefined) eq('created_at < ?', instant(q.createdBefore))
  // NULL < x is not true, so cases without a deadline never match.
  if (q.slaBefore !== undefined) eq('sla_deadline < ?', instant(q.slaBefore))
  return { sql: conds.length === 0 ? '' : `WHERE ${conds.join(' AND ')}`, params }
}

/** Where the previous page ended: its last case, as stored now. */
export interface SlaCursor {
  id: string
  slaDeadline: string | null
}

/**
 * A LIMIT written into the statement rather than bound. SQLite plans a constant limit and a bound
 * one differently: on SQLite 3.53, with `LIMIT ?` a merge of nine status ranges took 0.16 ms
 * against 0.033 ms, a count capped at 10,001 entries 0.84 ms against 0.50, a resident's page
 * 0.068 against 0.048 (bench/README.md, fourth pass). Only whole numbers get in: the store's page
 * bounds (caseLimit) and a few caps, so the statement cache holds a bounded set of variants.
 */
export function limitSql(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`LIMIT must be a whole number, not ${n}`)
  return `LIMIT ${n}`
}

export const NEWEST_ORDER = 'ORDER BY id DESC'
/** Deadline first, cases without a deadline last, id breaking ties so paging is stable. */
export const SLA_ORDER = 'ORDER BY sla_deadline IS NULL, sla_deadline, id'

/** Keyset condition for rows after `before` in newest order (ULIDs sort by creation time). */
export function newestAfter(before: string): SqlPart {
  return { sql: 'id < ?', params: [before] }
}

/** Keyset condition for rows after the cursor case in SLA order. */
export function slaAfter(cursor: SlaCursor): SqlPart {
  if (cursor.slaDeadline === null) return { sql: '(sla_deadline IS NULL AND id > ?)', params: [cursor.id] }
  return {
    sql: '(sla_deadline IS NULL OR sla_deadline > ? OR (sla_deadline = ? AND id > ?))',
    params: [cursor.slaDeadline, cursor.slaDeadline, cursor.id],
  }
}

/**
 * The listCases statement for a WHERE clause. The page's rowids are chosen first, from an index
 * where one covers the filter and order, and only those rows are read whole: a street's queue
 * sorts thousands of matching cases, and reading every one's payload to keep 20 cost far more
 * than the sort. EXPLAIN QUERY PLAN of this is what the bench prints.
 */
export function listSql(where: SqlPart, order: 'sla' | 'newest' | undefined, limit: number | undefined): SqlPart {
  const by = order === 'sla' ? SLA_ORDER : NEWEST_ORDER
  return { sql: `SELECT * FROM cases WHERE rowid IN (SELECT rowid FROM cases ${where.sql} ${by} ${limitSql(caseLimit(limit))}) ${by}`, params: where.params }
}

/** With a cap the count stops reading index entries there: a street's 「1万+」 costs 10,000 entries, not 100,000. */
export function countSql(where: SqlPart, cap?: number): SqlPart {
  // An infinite cap is none (the port's cap is optional; a caller may pass Infinity for "all").
  if (cap === undefined || cap === Infinity) return { sql: `SELECT COUNT(*) AS n FROM cases ${where.sql}`, params: where.params }
  return { sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM cases ${where.sql} ${limitSql(Math.max(0, Math.floor(cap)))})`, params: where.params }
}

/** Beyond this many (place, status) ranges one sorted statement is cheaper than merging pages. */
export const MAX_SLA_RANGES = 64

/**
 * A deadline-ordered query split into queries that are each one index range already in
 * (sla_deadline, id) order: one per status and street (cases_queue_by_street), or per status
 * for a department or a committee (cases_queue_by_department, cases_queue_by_committee*, see
 * caseWhere). SQLite cannot merge the ranges of `status IN (…)` in order,
 * so one statement sorts every matching entry (a street's ~26,000 open cases); `limit` rows
 * from each range, merged, give the same page. Null when the query has no such shape (no
 * status list, no place, or too many ranges).
 */
export function slaRanges(q: CaseQuery): CaseQuery[] | null {
  const statuses = q.statuses
  // A grid holds a few hundred cases: one statement sorting its matching entries is cheaper than
  // a statement per status (bench 2b: p50 1.2 ms sorted, 1.8 ms merged on the same machine).
  const places: Array<Pick<CaseQuery, 'streetCodes'>> | null =
    (q.department !== undefined && (q.gridCodes || q.streetCodes)) || (q.committee !== undefined && (q.streetCodes || q.unitCodes))
      ? [{}]
      : q.streetCodes && !q.gridCodes
        ? q.streetCodes.map((st) => ({ streetCodes: [st] }))
        : null
  if (!statuses || statuses.length === 0 || !places || places.length === 0) return null
  // A number, ids, a creator or a day range pick few cases through their own index: scanning
  // each status's range for them would read the whole street.
  if (q.number !== undefined || q.ids !== undefined || q.creatorId !== undefined || q.createdAfter !== undefined || q.createdBefore !== undefined) return null
  if (places.length * statuses.length > MAX_SLA_RANGES) return null
  // Object.assign, not a spread followed by fields: a hot path (src/core/withFields.ts).
  return places.flatMap((p) => statuses.map((status) => Object.assign({}, q, p, { statuses: [status] })))
}

export interface SlaPart {
  cond: SqlPart
  order: string
  /** The same order over the key columns (r, s, id) of merged ranges. */
  keyOrder: string
  /** Cases without a deadline come after every dated one. */
  undated: boolean
}

/**
 * The two index ranges of one SLA-ordered query after the cursor: dated cases by (deadline, id),
 * then cases without a deadline by id. Row-value comparison keeps the cursor a range bound.
 */
export function slaParts(cursor: SlaCursor | null): SlaPart[] {
  const undated = (after?: string): SlaPart => ({
    cond: after === undefined ? { sql: 'sla_deadline IS NULL', params: [] } : { sql: 'sla_deadline IS NULL AND id > ?', params: [after] },
    order: 'ORDER BY id',
    keyOrder: 'ORDER BY id',
    undated: true,
  })
  const dated = { order: 'ORDER BY sla_deadline, id', keyOrder: 'ORDER BY s, id', undated: false }
  if (cursor === null) return [{ cond: { sql: 'sla_deadline IS NOT NULL', params: [] }, ...dated }, undated()]
  if (cursor.slaDeadline === null) return [undated(cursor.id)]
  return [{ cond: { sql: '(sla_deadline, id) > (?, ?)', params: [cursor.slaDeadline, cursor.id] }, ...dated }, undated()]
}

/** The index entry of one case of a range: enough to merge ranges before reading whole rows. */
export interface SlaKey {
  r: number
  s: string | null
  id: string
}

export function slaKeyOrder(a: { s: string | null; id: string }, b: { s: string | null; id: string }): number {
  if (a.s !== b.s) {
    if (a.s === null) return 1
    if (b.s === null) return -1
    return a.s < b.s ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function slaRangeSql(where: SqlPart, part: SlaPart, limit: number): SqlPart {
  const w = andWhere(where, part.cond)
  return { sql: `SELECT rowid AS r, sla_deadline AS s, id FROM cases ${w.sql} ${part.order} ${limitSql(limit)}`, params: w.params }
}

/**
 * One part of several ranges in one statement: SQLite merges the ranges (MERGE (UNION ALL)), each
 * read in its index's order, and stops at the limit — about `limit` entries in all instead of
 * `limit` from every range, and one statement instead of one per range.
 */
export function slaMergeSql(wheres: readonly SqlPart[], part: SlaPart, limit: number): SqlPart {
  // Each arm is the range's WHERE and the part's condition (as andWhere joins them), built in one pass.
  const arms: string[] = []
  const params: unknown[] = []
  for (const where of wheres) {
    arms.push(`SELECT rowid AS r, sla_deadline AS s, id FROM cases ${where.sql === '' ? 'WHERE' : `${where.sql} AND`} ${part.cond.sql}`)
    for (const p of where.params) params.push(p)
    for (const p of part.cond.params) params.push(p)
  }
  return { sql: `${arms.join(' UNION ALL ')} ${part.keyOrder} ${limitSql(limit)}`, params }
}

export function andWhere(where: SqlPart, extra: SqlPart): SqlPart {
  return {
    sql: where.sql === '' ? `WHERE ${extra.sql}` : `${where.sql} AND ${extra.sql}`,
    params: [...where.params, ...extra.params],
  }
}
