import type { Case, TimelineEvent } from '../case'
import { fail } from '../outcome'
import type { DocType } from '../rental'
import type { Guard, KindDefinition, Patch } from '../transition'

/**
 * 有人冒用我的证件: a person says someone registered with their identity document. The dispute
 * lies in the grid of the building where it was raised and goes to the police of that area; the
 * number itself is never here (only masked; its keyed hash is in the registration vault, which
 * is how the police list finds registrations of the same document).
 */
export type MisusePayload = {
  buildingId: string
  docType: DocType
  docNumberMasked: string
  note: string
  /** The police's finding when they close the dispute. */
  resolution?: string
}

export const MISUSE_STATUS_LABELS = { open: '待核实', closed: '已处理' } as const

const needNote: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写核实结果', { note: '必填' }))

const patchClose: Patch = ({ c, input }) => ({ payload: { ...(c.payload as MisusePayload), resolution: input.note!.trim() } })

export const MISUSE: KindDefinition = {
  kind: 'misuse',
  initialStatus: 'open',
  statusLabels: { ...MISUSE_STATUS_LABELS },
  actionLabels: { report_misuse: '报告证件被冒用', close: '核实处理' },
  terminalStatuses: ['closed'],
  rules: [{ from: ['open'], action: 'close', roles: ['police'], to: 'closed', guard: needNote, patch: patchClose }],
}

export interface NewMisuse {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  gridCode: string
  payload: MisusePayload
  now: Date
}

export function openMisuse(r: NewMisuse): { case: Case; event: TimelineEvent } {
  const at = r.now.toISOString()
  const c: Case = {
    id: r.id,
    kind: 'misuse',
    status: MISUSE.initialStatus,
    unitCode: r.gridCode,
    gridCode: r.gridCode,
    assigneeId: null,
    category: 'misuse',
    payload: r.payload,
    creatorId: r.creatorId,
    idempotencyKey: r.idempotencyKey,
    createdAt: at,
    updatedAt: at,
    slaDeadline: null,
    version: 1,
  }
  return {
    case: c,
    event: { id: r.eventId, caseId: r.id, actorId: r.creatorId, actorRole: 'applicant', action: 'report_misuse', fromStatus: null, toStatus: c.status, note: null, attachments: [], at, visibility: 'internal' },
  }
}
