import { z } from 'zod'
import type { Case } from '../case'
import { param, type Check } from '../command'
import { fail } from '../outcome'
import { MEDIATION_LEVELS, MEDIATION_LEVEL_LABELS, nextLevel, type MediationLevel } from './mediationLevelTerms'
import { action, assignedMediator, needNote, note } from './mediationMoves'
import type { MediationPayload } from './mediationTerms'

export * from './mediationLevelTerms'

/**
 * 小事不出村、大事不出镇: the assigned mediator passes a case one level up (community → street →
 * district) with a reason everyone on the case reads. The backend finds the next level's committee for
 * the dispute type and its least-loaded mediator; the table checks the step is one level up and keeps
 * the trail the ledger counts.
 */

/** Before an agreement is drafted: a drafted agreement carries the lower committee's number. */
const PASSABLE = ['accepted', 'awaiting_consent', 'mediating'] as const

const levelParam = (what: string) => param(z.enum(MEDIATION_LEVELS), fail('VALIDATION', `${what}无效`, { level: '无效' }))
const text = (field: string, message: string) => param(z.string().trim().min(1), fail('VALIDATION', message, { [field]: '必填' }))

/** The case's level as stored; cases routed before levels carry none (the backend reads it from their committee). */
export function storedLevel(c: Case): MediationLevel | undefined {
  const l = (c.payload as Partial<MediationPayload>).level
  return typeof l === 'string' && (MEDIATION_LEVELS as readonly string[]).includes(l) ? l : undefined
}

const belowTop: Check<MediationPayload> = ({ c }) => (storedLevel(c) === 'district' ? fail('ILLEGAL_TRANSITION', '已由区级调解委员会调解，不能再上交') : null)

export const LEVEL_ACTIONS = {
  pass_up: action({
    label: '上交上级调解',
    params: {
      from: levelParam('案件所在层级'),
      level: levelParam('上级调解层级'),
      committee: text('committee', '上级调解委员会无效'),
      unitCode: text('unitCode', '上级调解委员会无效'),
      mediatorId: text('mediatorId', '上级调解委员会暂无调解员'),
    },
    form: [note('上交原因', true, '请说明需要上一级调解委员会调解的原因，当事人可以看到')],
    rows: [
      {
        from: PASSABLE,
        roles: ['mediator'],
        check: [assignedMediator, belowTop, needNote('上交原因')],
        guard: ({ c, params }) => {
          const at = storedLevel(c) ?? params.from
          if (at !== params.from || nextLevel(at) !== params.level) return fail('VALIDATION', `只能上交上一级（${MEDIATION_LEVEL_LABELS[at]}的上一级）`, { level: '无效' })
          return null
        },
        patch: ({ c, input, params }) => ({
          assigneeId: params.mediatorId,
          unitCode: params.unitCode,
          payload: {
            ...c.payload,
            committee: params.committee,
            level: params.level,
            passUps: [
              ...(c.payload.passUps ?? []),
              {
                fromLevel: params.from,
                fromCommittee: c.payload.committee,
                fromUnit: c.unitCode,
                toLevel: params.level,
                toCommittee: params.committee,
                toUnit: params.unitCode,
                reason: input.note!.trim(),
                at: input.now.toISOString(),
                by: input.actor.userId,
              },
            ],
          },
        }),
      },
    ],
  }),
}

/** A committee's place: the case goes to its unit (a district-wide committee keeps the case's street). */
export const PLACEMENT = z.object({ unitCode: z.string().min(1), level: z.enum(MEDIATION_LEVELS) })
