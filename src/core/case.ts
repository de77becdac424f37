import type { ActorRole } from './roles'

export type CaseKind = 'report' | 'mediation' | 'checkin'

/** One governance item (事项) in the shared queue (一本账). */
export interface Case<P extends object = Record<string, unknown>> {
  id: string
  kind: CaseKind
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
}
