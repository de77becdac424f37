/**
 * The planned queries on the cases collection (the first entries of QUERIES, queries.ts), in a
 * file of their own: caseWalk.ts reads which case fields are indexed from them, and every
 * function bundle carries caseWalk, while the whole plan is only for deploy:check and the fake.
 */
import type { CollectionKey } from './db'

/** One entry of the plan (QUERIES, queries.ts). */
export interface PlannedQuery {
  collection: CollectionKey
  /** Fields the query always bounds; empty for a walk of the whole collection. */
  where: readonly string[]
  /** For a walk: the sort keys, first one leading the index that serves it. */
  orderBy?: readonly string[]
  /** Who sends it. */
  for: string
}

const c = (where: string[], forWhat: string, orderBy?: string[]): PlannedQuery => ({ collection: 'cases', where, for: forWhat, ...(orderBy ? { orderBy } : {}) })

export const CASE_QUERIES: readonly PlannedQuery[] = [
  c(['creatorId'], "a person's own cases, counts and idempotent create"),
  c(['gridCode'], 'grid queues, duplicates, moderation, check-ins of grids, re-keying the street of moved grids (update)'),
  c(['unitCode'], 'street and unit queues, mediation ledger, organisation plan, re-keying the street of moved units (update, with gridCode null)'),
  c(['streetCode'], 'queues of whole streets (a dispatcher, a department, the mediation centre) by the street key'),
  c(['assigneeId'], "a mediator's open cases"),
  c(['_id'], 'cases by id lists, the conditional version update'),
  c(['slaDeadline'], 'SLA timers: open cases past their deadline (report escalation, mediation SLA)'),
  c(['createdAt'], 'report timer: resolved cases created before the confirmation window'),
  c(['payload.department'], "a department's queue"),
  c(['payload.committee'], "a mediator's queue (their committee's cases of their streets)"),
  c(['number'], "a case by its number (the desk's search)"),
  c([], 'migrations walking every case (sealing mediation phones)', ['_id']),
]
