import type { Case } from '../case'
import { actionsOf, type Check, type FormField } from '../command'
import { fail } from '../outcome'
import type { MediationPayload, MediationStatus } from './mediationTerms'
import { hasApplicant } from './mediationIntake'

/**
 * The building blocks of mediation moves, shared by the kind's table (mediation.ts) and the files that
 * add moves to it (levels, helpers, hand-offs…), so each can live in its own file.
 */
export const action = actionsOf<MediationPayload, MediationStatus>()

/** The move's note is required: the refusal names the field as its form labels it (请填写改派原因). */
export const needNote =
  (label: string): Check<MediationPayload> =>
  ({ input }) =>
    input.note?.trim() ? null : fail('VALIDATION', `请填写${label}`, { note: '必填' })

/** Mediator moves are for the mediator the case is assigned to, not the whole committee. */
export const assignedMediator: Check<MediationPayload> = ({ c, input, role }) =>
  role !== 'mediator' || c.assigneeId === input.actor.userId ? null : fail('FORBIDDEN', '该调解案件不是由您承办')

export const note = (label: string, required: boolean, placeholder: string): FormField => ({ name: 'note', label, required, placeholder })

/** Everyone on the case: the applicant and every respondent who joined. */
export function confirmingParties(c: Case): string[] {
  // A dispute staff entered has no applicant: its creator is no one who could confirm (mediationIntake.ts).
  return [...(hasApplicant(c) ? [c.creatorId] : []), ...(c.payload as MediationPayload).respondentIds]
}
