import { z } from 'zod'
import type { Case } from '../case'
import { param, type Check, type MoveContext } from '../command'
import { fail } from '../outcome'
import { nextDayStart, shanghaiDay } from '../time'
import { action, assignedMediator, confirmingParties, needNote, note } from './mediationMoves'
import {
  JUDICIAL_ANSWER_LABELS,
  JUDICIAL_ANSWERS,
  JUDICIAL_WINDOW_DAYS,
  REFERRAL_ANSWER_LABELS,
  REFERRAL_ANSWERS,
  REFERRAL_LABELS,
  REFERRALS,
  TRANSFER_REFERRALS,
  type JudicialApplication,
  type MediationPayload,
  type Referral,
  type TransferReferral,
} from './mediationTerms'

/**
 * Hand-offs (issue 18): 司法确认 as a joint application the parties confirm in the app within 30 days
 * of the agreement taking effect (人民调解法第三十三条), and referrals (调解不成) that hand the dispute to a
 * court, the police or a petition office with a 移送函 whose answer is tracked.
 */

/** Where a mediator may still give up: assigned and not yet ended. */
const ASSIGNED_OPEN = ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const

const DAY_MS = 86_400_000
const nonBlank = z.string().refine((s) => s.trim() !== '')

/**
 * The case's application as stored; a case flagged before applications existed
 * (`judicialConfirmation: true`) reads as 已申请 to an unnamed court.
 */
export function judicialOf(p: Pick<MediationPayload, 'judicial' | 'judicialConfirmation'>): JudicialApplication | null {
  if (p.judicial) return p.judicial
  return p.judicialConfirmation === true ? { status: 'applied', court: '', preparedAt: null, confirmations: [], appliedAt: null, answers: [] } : null
}

/** When the agreement took effect: the last party's confirmation of the version in force. */
export function agreementEffectiveAt(c: Pick<Case, 'updatedAt'> & { payload: unknown }): string {
  const a = (c.payload as MediationPayload).agreement
  if (!a) return c.updatedAt
  const last = a.confirmations
    .filter((x) => x.version === a.version)
    .map((x) => x.at)
    .sort()
    .pop()
  return last ?? a.draftedAt
}

/**
 * The first instant after the 30-day window: the window counts calendar days in Shanghai from the day
 * after the agreement took effect, and its last day ends at midnight.
 */
export function judicialDeadline(effectiveAt: string): string {
  return nextDayStart(shanghaiDay(Date.parse(effectiveAt) + JUDICIAL_WINDOW_DAYS * DAY_MS))
}

export const LATE = fail('ILLEGAL_TRANSITION', `已超过${JUDICIAL_WINDOW_DAYS}日申请期限（人民调解法第三十三条）`)

const withinWindow: Check<MediationPayload> = ({ c, input }) => (input.now.getTime() < Date.parse(judicialDeadline(agreementEffectiveAt(c))) ? null : LATE)

const noApplicationYet: Check<MediationPayload> = ({ c }) => {
  const j = judicialOf(c.payload)
  if (!j) return null
  return fail('ILLEGAL_TRANSITION', j.status === 'drafting' ? '司法确认申请已拟好，正等待当事人确认' : '已申请司法确认')
}

const awaitingMe: Check<MediationPayload> = ({ c, input }) => {
  // Whoever entered a dispute for others (mediationIntake.ts) created the case but is no party to it.
  if (!confirmingParties(c).includes(input.actor.userId)) return fail('FORBIDDEN', '只有本案当事人可以确认共同申请')
  const j = judicialOf(c.payload)
  if (!j) return fail('ILLEGAL_TRANSITION', '调解员尚未拟写司法确认申请')
  if (j.status !== 'drafting') return fail('ILLEGAL_TRANSITION', '已申请司法确认')
  return j.confirmations.some((x) => x.userId === input.actor.userId) ? fail('ILLEGAL_TRANSITION', '您已确认共同申请') : null
}

/** Which of the court's answers may follow the application's state: 受理 first, then 确认 or 驳回 (or either at once). */
const ANSWER_FROM: Record<(typeof JUDICIAL_ANSWERS)[number], readonly string[]> = {
  accepted: ['applied'],
  confirmed: ['applied', 'accepted'],
  dismissed: ['applied', 'accepted'],
}

function courtAnswerRefusal(j: JudicialApplication | null, answer: (typeof JUDICIAL_ANSWERS)[number]) {
  if (!j) return fail('ILLEGAL_TRANSITION', '尚未申请司法确认')
  if (j.status === 'drafting') return fail('ILLEGAL_TRANSITION', '当事人尚未全部确认共同申请')
  if (j.status === 'confirmed' || j.status === 'dismissed') return fail('ILLEGAL_TRANSITION', '法院已作出裁定')
  return ANSWER_FROM[answer].includes(j.status) ? null : fail('ILLEGAL_TRANSITION', '法院已受理')
}

const isTransfer = (t: Referral): t is TransferReferral => (TRANSFER_REFERRALS as readonly string[]).includes(t)

const transferred: Check<MediationPayload> = ({ c }) => (c.payload.referral && isTransfer(c.payload.referral.type) ? null : fail('ILLEGAL_TRANSITION', '该案件未移送其他单位'))

function referralAnswerRefusal(c: Case<MediationPayload>, answer: (typeof REFERRAL_ANSWERS)[number]) {
  const answers = c.payload.referral?.answers ?? []
  if (answers.some((x) => x.status === 'handled' || x.status === 'returned')) return fail('ILLEGAL_TRANSITION', '接收单位已答复办结')
  return answer === 'received' && answers.some((x) => x.status === 'received') ? fail('ILLEGAL_TRANSITION', '已登记接收') : null
}

const answerNote = (input: MoveContext<MediationPayload>['input']) => input.note?.trim() || null

const judicialAnswer = param(z.enum(JUDICIAL_ANSWERS), fail('VALIDATION', '请选择法院的答复', { answer: '必填' }))
const referralAnswer = param(z.enum(REFERRAL_ANSWERS), fail('VALIDATION', '请选择接收单位的答复', { answer: '必填' }))

export const HANDOFF_ACTIONS = {
  // Also before consent: a respondent who never answers must not leave the case open for ever.
  fail: action({
    label: '调解不成',
    params: {
      referral: param(z.enum(REFERRALS), fail('VALIDATION', '请选择后续处理途径', { referral: '必填' })),
      // The backend numbers the 移送函 and names its receiver (district data) for a transfer referral.
      letter: param(z.object({ number: nonBlank, receiver: nonBlank }).optional(), fail('VALIDATION', '移送函信息无效', { referral: '无效' })),
    },
    form: [
      { name: 'referral', label: '后续处理途径', required: true, choices: REFERRALS.map((code) => ({ code, label: REFERRAL_LABELS[code] })) },
      note('情况说明', true, '请说明调解不成的原因，当事人可以看到'),
    ],
    rows: [
      {
        from: ASSIGNED_OPEN,
        roles: ['mediator'],
        to: 'failed',
        check: [assignedMediator, needNote('情况说明')],
        patch: ({ c, input, params }) => ({
          payload: {
            ...c.payload,
            referral: {
              type: params.referral,
              note: input.note!.trim(),
              ...(params.letter && isTransfer(params.referral)
                ? { letter: { number: params.letter.number.trim(), receiver: params.letter.receiver.trim(), issuedAt: input.now.toISOString() }, answers: [] }
                : {}),
            },
          },
        }),
      },
    ],
  }),
  prepare_judicial: action({
    label: '申请司法确认',
    // The court serving the case's street, from the district data (mediation.courts).
    params: { court: param(nonBlank, fail('VALIDATION', '未配置受理司法确认的人民法院，请联系管理员', { court: '未配置' })) },
    rows: [
      {
        from: ['succeeded'],
        roles: ['mediator'],
        check: [assignedMediator, noApplicationYet, withinWindow],
        patch: ({ c, input, params }) => ({
          payload: {
            ...c.payload,
            judicial: { status: 'drafting', court: params.court.trim(), preparedAt: input.now.toISOString(), confirmations: [], appliedAt: null, answers: [] },
          },
        }),
      },
    ],
  }),
  confirm_judicial: action({
    label: '确认共同申请司法确认',
    rows: [
      {
        // One row: the last party's confirmation files the application (已申请); the case itself stays 调解成功.
        from: ['succeeded'],
        roles: ['applicant', 'respondent'],
        check: [awaitingMe, withinWindow],
        patch: ({ c, input }) => {
          const j = judicialOf(c.payload)!
          const at = input.now.toISOString()
          const confirmations = [...j.confirmations, { userId: input.actor.userId, at }]
          const done = new Set(confirmations.map((x) => x.userId))
          const all = confirmingParties(c).every((u) => done.has(u))
          return { payload: { ...c.payload, judicial: { ...j, confirmations, ...(all ? { status: 'applied' as const, appliedAt: at } : {}) } } }
        },
      },
    ],
  }),
  record_judicial: action({
    label: '登记法院答复',
    params: { answer: judicialAnswer },
    form: [
      { name: 'answer', label: '法院答复', required: true, choices: JUDICIAL_ANSWERS.map((code) => ({ code, label: JUDICIAL_ANSWER_LABELS[code] })) },
      note('说明', false, '驳回时请填写驳回理由；确认时可填写裁定书文号'),
    ],
    rows: [
      {
        from: ['succeeded'],
        roles: ['mediator'],
        check: assignedMediator,
        guard: ({ c, input, params }) =>
          courtAnswerRefusal(judicialOf(c.payload), params.answer) ?? (params.answer === 'dismissed' && !input.note?.trim() ? fail('VALIDATION', '请填写驳回理由', { note: '必填' }) : null),
        patch: ({ c, input, params }) => {
          const j = judicialOf(c.payload)!
          const answers = [...j.answers, { status: params.answer, at: input.now.toISOString(), note: answerNote(input), by: input.actor.userId }]
          return { payload: { ...c.payload, judicial: { ...j, status: params.answer, answers } } }
        },
      },
    ],
  }),
  record_referral: action({
    label: '登记移送答复',
    params: { answer: referralAnswer },
    form: [
      { name: 'answer', label: '接收单位答复', required: true, choices: REFERRAL_ANSWERS.map((code) => ({ code, label: REFERRAL_ANSWER_LABELS[code] })) },
      note('说明', false, '退回时请填写原因；处理后可填写处理结果'),
    ],
    rows: [
      {
        from: ['failed'],
        roles: ['mediator', 'dispatcher'],
        check: [assignedMediator, transferred],
        guard: ({ c, input, params }) =>
          referralAnswerRefusal(c, params.answer) ?? (params.answer === 'returned' && !input.note?.trim() ? fail('VALIDATION', '请填写退回原因', { note: '必填' }) : null),
        patch: ({ c, input, params }) => {
          const r = c.payload.referral!
          const answers = [...(r.answers ?? []), { status: params.answer, at: input.now.toISOString(), note: answerNote(input), by: input.actor.userId }]
          return { payload: { ...c.payload, referral: { ...r, answers } } }
        },
      },
    ],
  }),
}
