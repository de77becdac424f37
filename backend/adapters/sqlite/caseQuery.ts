/** SQL for CaseQuery: the shared filters of listCases/countCases, ordering and keyset paging. */
import type { CaseQuery } from '../../ports'
import { instant } from '../fieldTable'
import { caseLimit } from '../limits'
import { jsonList } from './statements'

export interface SqlPart {
  sql: string
  params: unknown[]
}

function inList(column: string, values: readonly string[]): SqlPart {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] }
}

/**
 * payload.department, spelled exactly as in the cases_by_department expression index (SQLite
 * uses an expression index only for the same expression).
 */
export const DEPARTMENT_EXPR = "json_extract(payload, '$.department')"

/**
 * WHERE clause for the filters of `q`, or null when the query cannot match anything. An
 * empty list filter means "none of these", not "no filter": a grid worker whose grant list
 * is empty must see no cases rather than all of them.
 */
export function caseWhere(q: CaseQuery): SqlPart | null {
  const parts: SqlPart[] = []
  if (q.kind !== undefined) parts.push({ sql: 'kind = ?', params: [q.kind] })
  if (q.creatorId !== undefined) parts.push({ sql: 'creator_id = ?', params: [q.creatorId] })
  if (q.assigneeId !== undefined) parts.push({ sql: 'assignee_id = ?', params: [q.assigneeId] })
  if (q.category !== undefined) parts.push({ sql: 'category = ?', params: [q.category] })
  for (const [column, values] of [
    ['status', q.statuses],
    ['grid_code', q.gridCodes],
    ['unit_code', q.unitCodes],
  ] as const) {
    if (values === undefined) continue
    if (values.length === 0) return null
    parts.push(inList(column, values))
  }
  if (q.ids !== undefined) {
    if (q.ids.length === 0) return null
    parts.push({ sql: 'id IN (SELECT value FROM json_each(?))', params: [jsonList(q.ids)] })
  }
  if (q.number !== undefined) parts.push({ sql: 'number = ?', params: [q.number] })
  if (q.department !== undefined) parts.push({ sql: `${DEPARTMENT_EXPR} = ?`, params: [q.department] })
  // Strictly after / before, as the names say.
  if (q.createdAfter !== undefined) parts.push({ sql: 'created_at > ?', params: [instant(q.createdAfter)] })
  if (q.createdBefore !== undefined) parts.push({ sql: 'created_at < ?', params: [instant(q.createdBefore)] })
  // NULL < x is not true, so cases without a deadline never match.
  if (q.slaBefore !== undefined) parts.push({ sql: 'sla_deadline < ?', params: [instant(q.slaBefore)] })
  return {
    sql: parts.length === 0 ? '' : `WHERE ${parts.map((p) => p.sql).join(' AND ')}`,
    params: parts.flatMap((p) => p.params),
  }
}

/** Where the previous page ended: its last case, as stored now. */
export interface SlaCursor {
  id: string
  slaDeadline: string | null
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
  return { sql: `SELECT * FROM cases WHERE rowid IN (SELECT rowid FROM cases ${where.sql} ${by} LIMIT ?) ${by}`, params: [...where.params, caseLimit(limit)] }
}

export function countSql(where: SqlPart): SqlPart {
  return { sql: `SELECT COUNT(*) AS n FROM cases ${where.sql}`, params: where.params }
}

export function andWhere(where: SqlPart, extra: SqlPart): SqlPart {
  return {
    sql: where.sql === '' ? `WHERE ${extra.sql}` : `${where.sql} AND ${extra.sql}`,
    params: [...where.params, ...extra.params],
  }
}
