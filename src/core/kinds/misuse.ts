import type { Case, TimelineEvent } from '../case'
import { actionsOf, defineKind } from '../command'
import { openCase } from '../opening'
import { fail } from '../outcome'
import type { DocType } from '../rental'
import { MISUSE_SCOPE } from './scopes'
import { MISUSE_STATUS_LABELS } from './statusLabels'
import { withFields } from '../withFields'

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

export { MISUSE_STATUS_LABELS }

export type MisuseStatus = keyof typeof MISUSE_STATUS_LABELS

const action = actionsOf<MisusePayload, MisuseStatus>()

const ACTIONS = {
  close: action({
    label: '核实处理',
    form: [{ name: 'note', label: '核实结果', required: true }],
    rows: [
      {
        from: ['open'],
        roles: ['police'],
        to: 'closed',
        check: ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写核实结果', { note: '必填' })),
        patch: ({ c, input }) => ({ payload: { ...c.payload, resolution: input.note!.trim() } }),
      },
    ],
  }),
}

export type MisuseAction = keyof typeof ACTIONS

export const MISUSE = defineKind<MisusePayload, MisuseStatus, MisuseAction>({
  kind: 'misuse',
  initialStatus: 'open',
  statusLabels: MISUSE_STATUS_LABELS,
  eventLabels: { report_misuse: '报告证件被冒用' },
  terminalStatuses: ['closed'],
  actions: ACTIONS,
  scope: MISUSE_SCOPE,
})

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
  return openCase(
    withFields(r, {
      kind: 'misuse',
      status: MISUSE.initialStatus,
      unitCode: r.gridCode,
      category: 'misuse',
      actorRole: 'applicant',
      action: 'report_misuse',
    }),
  )
}
