import type { Case, CaseKind, TimelineEvent } from './case'
import type { ActorRole } from './roles'

/** What each kind's opener decides; the rest of a new case is the same for every kind. */
export interface Opening<P extends object> {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  now: Date
  kind: CaseKind
  status: string
  unitCode: string
  gridCode: string | null
  assigneeId?: string | null
  category: string
  payload: P
  slaDeadline?: string | null
  /** The first timeline row: who filed it, as what, with which attachments. */
  actorRole: ActorRole
  action: string
  attachments?: string[]
}

/** A new case at version 1 and its first (internal) timeline row, both stamped at `now`. */
export function openCase<P extends object>(o: Opening<P>): { case: Case<P>; event: TimelineEvent } {
  const at = o.now.toISOString()
  const c: Case<P> = {
    id: o.id,
    kind: o.kind,
    status: o.status,
    unitCode: o.unitCode,
    gridCode: o.gridCode,
    assigneeId: o.assigneeId ?? null,
    category: o.category,
    payload: o.payload,
    creatorId: o.creatorId,
    idempotencyKey: o.idempotencyKey,
    createdAt: at,
    updatedAt: at,
    slaDeadline: o.slaDeadline ?? null,
    version: 1,
  }
  const event: TimelineEvent = {
    id: o.eventId,
    caseId: o.id,
    actorId: o.creatorId,
    actorRole: o.actorRole,
    action: o.action,
    fromStatus: null,
    toStatus: c.status,
    note: null,
    attachments: o.attachments ?? [],
    at,
    visibility: 'internal',
  }
  return { case: c, event }
}
