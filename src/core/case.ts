import type { ActorRole } from './roles'

export type CaseKind = 'report' | 'mediation' | 'checkin' | 'misuse' | 'help'

/** One governance item (事项) in the shared queue (一本账). */
export interface Case<P extends object = Record<string, unknown>> {
  id: string
  kind: CaseKind
  /**
   * The number people read and say on the phone: the street's short name, the year and the street's yearly
   * sequence (京溪-2026-00042). Given when the case is stored; never an internal id.
   */
  number?: string
  status: string
  /** The unit responsible now; escalation moves it up the tree. */
  unitCode: string
  /** The grid the case belongs to by location, kept when the responsible unit moves up. */
  gridCode: string | null
  assigneeId: string | null
  category: string
  payload: P
  creatorId: string
  idempotencyKey: string
  createdAt: string
  updatedAt: string
  slaDeadline: string | null
  version: number
}

/**
 * Who may read a timeline row's note: a public update (公开回复) is shown to followers and the
 * public view; an internal note only to staff in scope. Everything defaults to internal.
 */
export type Visibility = 'public' | 'internal'

export const VISIBILITY_LABELS: Record<Visibility, string> = { public: '公开回复', internal: '内部备注' }

/** Append-only record of every state change or notable act on a case. */
export interface TimelineEvent {
  id: string
  caseId: string
  actorId: string
  actorRole: ActorRole
  action: string
  fromStatus: string | null
  toStatus: string
  note: string | null
  attachments: string[]
  at: string
  /** Stored rows written before visibility existed read as 'internal'. */
  visibility: Visibility
}
