import { z } from 'zod'
import { actionsOf, param, type Check } from '../command'
import { fail } from '../outcome'
import type { ReportPayload, ReportStatus } from './reportTerms'

const action = actionsOf<ReportPayload, ReportStatus>()

/** A 网格事件 still being handled; one already done, refused or merged stays as it ended. */
const OPEN = ['submitted', 'accepted', 'assigned', 'in_progress'] as const

/** The mediation case the backend opened for it, in the same transaction as this move. */
const mediationLink = z.object({ kind: z.literal('mediation'), caseId: z.string().min(1), number: z.string().min(1).optional() }).strict()

const needConsentNote: Check<ReportPayload> = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写转调解说明', { note: '必填' }))

/** As for the report's other moves: once the case moved above the grid, its grid worker acts only if assigned it back. */
const gridWorkerStillResponsible: Check<ReportPayload> = ({ c, input, role }) =>
  role !== 'grid_worker' || c.unitCode === c.gridCode || c.assigneeId === input.actor.userId ? null : fail('FORBIDDEN', '事项已上报至上级，由上级处置或分派')

/**
 * 转为调解: a dispute reported as a 网格事件 (a category marked `mediable` in the district data) becomes
 * a mediation case in one step and the report ends as 已转调解 with the link. The backend
 * (mediation.fromReport) checks the category, opens the case and hands its link in; a bare
 * cases.act carries no link and is refused.
 */
export const TO_MEDIATION_COMMANDS = {
  to_mediation: action({
    label: '转为调解',
    params: {
      mediation: param(mediationLink, fail('VALIDATION', '请在「转为调解」中填写当事人信息后提交', { mediation: '必填' })),
      mediable: param(z.literal(true), fail('VALIDATION', '该类事项不能转为调解', { category: '不可转调解' })),
    },
    form: [{ name: 'note', label: '转调解说明', required: true, placeholder: '如：已电话征得报事人同意，由调解员调解' }],
    // Mediation is in real names: an anonymous report has no one to be its applicant.
    offered: (c) => c.payload.anonymous !== true,
    rows: [
      {
        from: OPEN,
        roles: ['grid_worker', 'dispatcher'],
        to: 'converted',
        check: [gridWorkerStillResponsible, needConsentNote],
        patch: ({ c, params }) => ({ payload: { ...c.payload, convertedTo: params.mediation } }),
      },
    ],
  }),
}
