import { z } from 'zod'
import type { Case } from '../case'
import { param, type Check, type MoveContext } from '../command'
import { fail } from '../outcome'
import { HELPER_KINDS } from '../roles'
import { action, assignedMediator } from './mediationMoves'
import type { MediationPayload } from './mediationTerms'
import { helperIds, helpersOf } from './scopes'

/**
 * 协助调解: the assigned mediator invites a legal adviser, party member or neighbour from the
 * community's helper roster into a case, and may let them go again; the parties rate them once the
 * case is over. A helper acts through no row here: they read the case and write in its thread.
 */

/** Where a mediator can still bring someone in: assigned and not yet ended. */
const OPEN_ASSIGNED = ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const
/** More than this and the thread stops being the parties' own conversation. */
export const MAX_HELPERS = 5

// Reading a case's helpers lives beside the scope rule that reaches them (scopes.ts).
export { helperIds, helpersOf }

const helperId = param(z.string().min(1), fail('VALIDATION', '请选择协助调解人', { helperId: '必填' }))
const listed: Check<MediationPayload> = ({ c, input }) => {
  const id = input.params?.helperId
  return typeof id === 'string' && helperIds(c).includes(id) ? null : fail('VALIDATION', '该协助调解人不在本案中', { helperId: '不在本案中' })
}

/** The backend found the person in the case's helper roster; the table keeps the list sane. */
const invitable = ({ c, params }: MoveContext<MediationPayload> & { params: { helper: { userId: string } } }) => {
  const id = params.helper.userId
  if (helperIds(c).includes(id)) return fail('ILLEGAL_TRANSITION', '该协助调解人已在本案中')
  if (id === c.creatorId || c.payload.respondentIds.includes(id)) return fail('VALIDATION', '当事人不能担任本案的协助调解人', { helperId: '是当事人' })
  if (id === c.assigneeId) return fail('VALIDATION', '承办调解员无需邀请自己', { helperId: '是承办调解员' })
  if (helpersOf(c).length >= MAX_HELPERS) return fail('VALIDATION', `每个案件最多邀请 ${MAX_HELPERS} 位协助调解人`, { helperId: '已满' })
  return null
}

const helper = param(
  z.object({ userId: z.string().min(1), name: z.string().trim().min(1), kind: z.enum(HELPER_KINDS), invitedAt: z.string().optional() }).strip(),
  fail('VALIDATION', '请选择协助调解人', { helperId: '必填' }),
)
const rating = param(z.number().int().min(1).max(5), fail('VALIDATION', '请给出 1–5 星评价', { rating: '1–5' }))
const comment = param(z.string().optional().catch(undefined), fail('VALIDATION', '评价内容无效', { comment: '无效' }))

export const HELPER_ACTIONS = {
  invite_helper: action({
    label: '邀请协助调解',
    params: { helper },
    rows: [
      {
        from: OPEN_ASSIGNED,
        roles: ['mediator'],
        check: assignedMediator,
        guard: invitable,
        patch: ({ c, input, params }) => ({
          payload: {
            ...c.payload,
            helpers: [...helpersOf(c), { userId: params.helper.userId, name: params.helper.name.trim(), kind: params.helper.kind, invitedAt: input.now.toISOString(), eventId: input.eventId }],
          },
        }),
      },
    ],
  }),
  remove_helper: action({
    label: '移出协助调解人',
    params: { helperId },
    rows: [
      {
        from: OPEN_ASSIGNED,
        roles: ['mediator'],
        check: [assignedMediator, listed],
        patch: ({ c, params }) => ({ payload: { ...c.payload, helpers: helpersOf(c).filter((h) => h.userId !== params.helperId) } }),
      },
    ],
  }),
  rate_helper: action({
    label: '评价协助调解人',
    params: { helperId, rating, comment },
    rows: [
      {
        from: ['succeeded', 'failed', 'declined'],
        roles: ['applicant', 'respondent'],
        check: listed,
        guard: ({ c, input, params }) =>
          helpersOf(c).find((h) => h.userId === params.helperId)?.ratings?.[input.actor.userId] ? fail('ILLEGAL_TRANSITION', '您已评价过这位协助调解人') : null,
        patch: ({ c, input, params }) => ({
          payload: {
            ...c.payload,
            helpers: helpersOf(c).map((h) =>
              h.userId === params.helperId ? { ...h, ratings: { ...h.ratings, [input.actor.userId]: { rating: params.rating, comment: params.comment?.trim() || null } } } : h,
            ),
          },
        }),
      },
    ],
  }),
}

export type HelperAction = keyof typeof HELPER_ACTIONS
