/**
 * The case aggregate: cases with their timeline, idempotency claims, follows, the thread
 * messages of a case (mediation) and the counts over cases.
 */
import type { Case, CaseKind, TimelineEvent } from '../../src/core/case'

export interface CaseQuery {
  kind?: CaseKind
  creatorId?: string
  assigneeId?: string
  statuses?: readonly string[]
  category?: string
  /** Cases whose grid is one of these (a grid worker's grids, a street's grids). */
  gridCodes?: readonly string[]
  /** Cases whose responsible unit is one of these. */
  unitCodes?: readonly string[]
  /**
   * Cases whose street key is one of these: the street at or above the case's grid, or its unit
   * when it has no grid (stored by the adapters from the org units; null above streets). For a
   * whole street this equals `gridCodes` of every grid of it, read as one index range.
   */
  streetCodes?: readonly string[]
  createdAfter?: string
  /** Created strictly before this instant. */
  createdBefore?: string
  /** Cases handled by this department (payload.department). */
  department?: string
  /**
   * Mediation cases of this committee (payload.committee): a mediator's queue, read by the
   * committee's own index rather than every mediation case of the streets filtered afterwards.
   */
  committee?: string
  /** Cases whose SLA deadline is strictly before this instant (overdue at that time). */
  slaBefore?: string
  ids?: readonly string[]
  /** The case with this number (京溪-2026-00042): the desk's search. */
  number?: string
  /** Newest first by default; `sla` orders by deadline, the queue's order. */
  order?: 'newest' | 'sla'
  limit?: number
  /**
   * Cursor: the previous page's last case id. In newest order rows with a smaller id follow; in
   * `sla` order the rows after that case's (deadline, id) as stored now.
   */
  before?: string
}

/** One message of a case's thread (mediation): kept for good, never edited. */
export interface CaseMessage {
  id: string
  caseId: string
  authorId: string
  authorRole: string
  text: string
  photos: string[]
  at: string
}

export interface CaseStats {
  total: number
  /** Open (not terminal) cases whose deadline has passed at `now`. */
  overdue: number
  byStatus: Record<string, number>
  byCategory: Record<string, number>
  byGrid: Record<string, number>
  /** Day in Asia/Shanghai (YYYY-MM-DD) → cases created that day. */
  byDay: Record<string, number>
  /** Mean hours from creation to payload.resolvedAt over cases that have one; null when none. */
  avgHoursToResolve: number | null
}

/** Case writes that commit together with the rest of a transaction. */
export interface CaseTx {
  getCase(id: string): Promise<Case | null>
  insertCase(c: Case): Promise<void>
  /** Writes `c` only if the stored version is still `expectedVersion`; false when someone moved first. */
  updateCase(c: Case, expectedVersion: number): Promise<boolean>
  appendEvent(e: TimelineEvent): Promise<void>
  /**
   * Reserves (creatorId, key) for caseId. Returns null when reserved now, or the case id that
   * already holds the key (the retry of an earlier create).
   */
  claimIdempotency(creatorId: string, key: string, caseId: string): Promise<string | null>
}

export interface CaseRepo {
  getCase(id: string): Promise<Case | null>
  listCases(q: CaseQuery): Promise<Case[]>
  /** How many cases match; with `cap`, counting stops there (the answer is at most `cap`). */
  countCases(q: CaseQuery, cap?: number): Promise<number>
  timeline(caseId: string): Promise<TimelineEvent[]>
  /** The timelines of several cases (a page of public cards) in one read, each in its own order; a case with none is absent. */
  timelines(caseIds: readonly string[]): Promise<Map<string, TimelineEvent[]>>
  findCaseByIdempotency(creatorId: string, key: string): Promise<Case | null>
  /** The case holding a key claimed with `Tx.claimIdempotency` (e.g. a content check's trace id), if any. */
  claimedCase(creatorId: string, key: string): Promise<string | null>
  caseStats(q: CaseQuery, now: string, terminalStatuses: readonly string[]): Promise<CaseStats>

  addMessage(m: CaseMessage): Promise<void>
  /** Oldest first; `after` is a message id (ULID) from an earlier read. At most 500. */
  listMessages(caseId: string, opts: { after?: string }): Promise<CaseMessage[]>

  follow(caseId: string, userId: string, at: string): Promise<void>
  followers(caseId: string): Promise<string[]>
  /** Case ids the user follows, most recent first, at most 500. */
  followedBy(userId: string): Promise<string[]>
  /** Removes every follow of the user (account deletion); how many went. */
  unfollowAll(userId: string): Promise<number>
}
