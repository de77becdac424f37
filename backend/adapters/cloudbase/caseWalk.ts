/**
 * Case queries that bound no indexed field — no creator, grid, unit, assignee, ids, deadline,
 * creation time, department or committee: "every report", "every closed case", a migration over all
 * mediation cases. No index serves them, and CloudBase would scan the collection for them
 * anyway; the adapter does so in the open, reading the `_id` index a page at a time and
 * filtering here, instead of sending a query our policy refuses (queryPlan.ts). Timers and
 * people's screens always bound an indexed field, so they never walk.
 */
import type { Case } from '../../../src/core/case'
import type { CaseQuery } from '../../ports'
import { instant } from '../fieldTable'
import { guard } from './cloudbaseErrors'
import { byId, docsOf, PAGE, type CloudbaseAccess } from './db'
import { caseDocs } from './caseDocs'
import { CASE_QUERIES } from './caseQueries'

/** The document field each CaseQuery filter bounds. */
const FIELD_OF: Partial<Record<keyof CaseQuery, string>> = {
  creatorId: 'creatorId',
  assigneeId: 'assigneeId',
  gridCodes: 'gridCode',
  unitCodes: 'unitCode',
  // Always indexed (by_street_status_sla), so a street query never walks: caseMatches need not know it.
  streetCodes: 'streetCode',
  ids: '_id',
  number: 'number',
  slaBefore: 'slaDeadline',
  createdAfter: 'createdAt',
  createdBefore: 'createdAt',
  department: 'payload.department',
  committee: 'payload.committee',
}

const INDEXED = new Set(CASE_QUERIES.flatMap((p) => p.where))

/** Whether `q` bounds no field a listed, indexed case query leads with. */
export function needsWalk(q: CaseQuery): boolean {
  return !(Object.keys(FIELD_OF) as Array<keyof CaseQuery>).some((k) => q[k] !== undefined && INDEXED.has(FIELD_OF[k]!))
}

/** The same filter as caseFilter (cases.ts), on a case in hand. */
export function caseMatches(c: Case, q: CaseQuery): boolean {
  if (q.kind !== undefined && c.kind !== q.kind) return false
  if (q.creatorId !== undefined && c.creatorId !== q.creatorId) return false
  if (q.assigneeId !== undefined && c.assigneeId !== q.assigneeId) return false
  if (q.category !== undefined && c.category !== q.category) return false
  if (q.statuses !== undefined && !q.statuses.includes(c.status)) return false
  if (q.gridCodes !== undefined && (c.gridCode === null || !q.gridCodes.includes(c.gridCode))) return false
  if (q.unitCodes !== undefined && !q.unitCodes.includes(c.unitCode)) return false
  if (q.ids !== undefined && !q.ids.includes(c.id)) return false
  if (q.number !== undefined && c.number !== q.number) return false
  if (q.department !== undefined && (c.payload as { department?: unknown }).department !== q.department) return false
  if (q.committee !== undefined && (c.payload as { committee?: unknown }).committee !== q.committee) return false
  const created = instant(c.createdAt)
  if (q.createdAfter !== undefined && !(created > instant(q.createdAfter))) return false
  if (q.createdBefore !== undefined && !(created < instant(q.createdBefore))) return false
  if (q.slaBefore !== undefined && (c.slaDeadline === null || !(instant(c.slaDeadline) < instant(q.slaBefore)))) return false
  return true
}

/**
 * The matching cases newest first, from just below `before`, until `want` are found or the
 * collection ends; each page is one read of the `_id` index.
 */
export async function walkCases(c: CloudbaseAccess, q: CaseQuery, want = Infinity, before?: string): Promise<Case[]> {
  const _ = c.db.command
  const out: Case[] = []
  let cursor = before
  for (;;) {
    const base = c.coll('cases')
    const page = cursor === undefined ? base : base.where({ _id: _.lt(cursor) })
    const docs = docsOf(await guard(() => page.orderBy('_id', 'desc').limit(PAGE).get()))
    for (const d of docs) {
      const one = caseDocs.fromDoc(d)
      if (!caseMatches(one, q)) continue
      out.push(one)
      if (out.length >= want) return out
    }
    if (docs.length < PAGE) return out
    cursor = String(docs[docs.length - 1]!._id)
  }
}

/** Deadline order, cases without one last, ties by id (the order listBySla gives). */
export function slaOrder(a: Case, b: Case): number {
  if (a.slaDeadline !== b.slaDeadline) {
    if (a.slaDeadline === null) return 1
    if (b.slaDeadline === null) return -1
    const x = instant(a.slaDeadline)
    const y = instant(b.slaDeadline)
    if (x !== y) return x < y ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A page of listCases for a query that walks (see the header). */
export async function walkedPage(c: CloudbaseAccess, q: CaseQuery, limit: number): Promise<Case[]> {
  if (q.order !== 'sla') return walkCases(c, q, limit, q.before)
  let cursor: Case | null = null
  if (q.before !== undefined) {
    const d = await byId(c.coll, 'cases', q.before)
    // A cursor that no longer exists ends the list, as listBySla does.
    if (d === null) return []
    cursor = caseDocs.fromDoc(d)
  }
  const sorted = (await walkCases(c, q)).sort(slaOrder)
  return (cursor === null ? sorted : sorted.filter((x) => slaOrder(x, cursor) > 0)).slice(0, limit)
}
