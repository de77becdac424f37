import type { Case } from '../../src/core/case'
import { confirmingParties, type JudicialStatus } from '../../src/core/kinds/mediation'
import { daysFromNow, MEDIATOR_ID, pl, withMed } from './mediationFixtures'
import type { GuardFailure, Scenario } from './mediationScenarioTypes'

/** The hand-off rows' scenarios (司法确认, 移送函) for the mediation table's suite (mediation-transitions.test.ts). */

/** The application in `status`, confirmed by `confirmedBy` (every party once it was filed). */
export function withJudicial(c: Case, status: JudicialStatus, confirmedBy?: string[]): Case {
  const by = confirmedBy ?? (status === 'drafting' ? [] : confirmingParties(c))
  const answers = status === 'accepted' || status === 'confirmed' || status === 'dismissed' ? [{ status, at: daysFromNow(-0.1), note: null, by: MEDIATOR_ID }] : []
  return withMed(c, {
    judicial: {
      status,
      court: '广州市白云区人民法院',
      preparedAt: daysFromNow(-0.4),
      confirmations: by.map((userId) => ({ userId, at: daysFromNow(-0.3) })),
      appliedAt: status === 'drafting' ? null : daysFromNow(-0.2),
      answers,
    },
  })
}

/** The agreement took effect (its last confirmation) `days` ago. */
export function effectiveDaysAgo(c: Case, days: number, extraMs = 0): Case {
  const a = pl(c).agreement!
  return withMed(c, { agreement: { ...a, draftedAt: daysFromNow(-days - 1), confirmations: a.confirmations.map((x) => ({ ...x, at: daysFromNow(-days, extraMs) })) } })
}

/** A failed case handed to the court with its 移送函, and the receiver's answers so far. */
export function withLetter(c: Case, answered: Array<'received' | 'handled' | 'returned'> = []): Case {
  return withMed(c, {
    referral: {
      type: 'court',
      note: '双方分歧较大',
      letter: { number: '（2026）白云京溪移字第 1 号', receiver: '广州市白云区人民法院', issuedAt: daysFromNow(-1) },
      answers: answered.map((status) => ({ status, at: daysFromNow(-0.5), note: null, by: MEDIATOR_ID })),
    },
  })
}

export const HANDOFF_VALID: Record<string, Scenario> = {
  'prepare_judicial→=': { params: { court: '广州市白云区人民法院' } },
  'confirm_judicial→=': { prepare: (c) => withJudicial(c, 'drafting') },
  'record_judicial→=': { params: { answer: 'accepted' }, prepare: (c) => withJudicial(c, 'applied') },
  'record_referral→=': { params: { answer: 'received' }, prepare: (c) => withLetter(c) },
}

export function handoffGuardFailures(notAssignee: (valid: Scenario) => GuardFailure[]): Record<string, GuardFailure[]> {
  const court = { params: { court: '法院' } }
  return {
    prepare_judicial: [
      ...notAssignee(HANDOFF_VALID['prepare_judicial→=']!),
      { why: 'an application already waiting for the parties', code: 'ILLEGAL_TRANSITION', scenario: { ...court, prepare: (c) => withJudicial(c, 'drafting') } },
      { why: 'a case flagged before applications', code: 'ILLEGAL_TRANSITION', scenario: { ...court, prepare: (c) => withMed(c, { judicialConfirmation: true }) } },
      { why: 'the agreement in force for 31 days', code: 'ILLEGAL_TRANSITION', scenario: { ...court, prepare: (c) => effectiveDaysAgo(c, 31) } },
      { why: 'no court in the district data', code: 'VALIDATION', scenario: { params: { court: ' ' } }, detailKey: 'court' },
    ],
    confirm_judicial: [
      { why: 'no application prepared', code: 'ILLEGAL_TRANSITION', scenario: {} },
      { why: 'a party who already confirmed', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c, a) => withJudicial(c, 'drafting', [a.userId]) } },
      { why: 'an application already filed', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => withJudicial(c, 'applied') } },
      { why: 'the 30 days passed', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => withJudicial(effectiveDaysAgo(c, 40), 'drafting') } },
    ],
    record_judicial: [
      ...notAssignee(HANDOFF_VALID['record_judicial→=']!),
      { why: 'no answer', code: 'VALIDATION', scenario: { prepare: (c) => withJudicial(c, 'applied') }, detailKey: 'answer' },
      { why: 'an answer of a referral', code: 'VALIDATION', scenario: { params: { answer: 'received' }, prepare: (c) => withJudicial(c, 'applied') }, detailKey: 'answer' },
      { why: 'a dismissal without a reason', code: 'VALIDATION', scenario: { params: { answer: 'dismissed' }, prepare: (c) => withJudicial(c, 'applied') }, detailKey: 'note' },
      { why: 'no application', code: 'ILLEGAL_TRANSITION', scenario: { params: { answer: 'accepted' } } },
      { why: 'an application the parties have not all confirmed', code: 'ILLEGAL_TRANSITION', scenario: { params: { answer: 'accepted' }, prepare: (c) => withJudicial(c, 'drafting') } },
      { why: 'accepted twice', code: 'ILLEGAL_TRANSITION', scenario: { params: { answer: 'accepted' }, prepare: (c) => withJudicial(c, 'accepted') } },
      { why: 'after the ruling', code: 'ILLEGAL_TRANSITION', scenario: { params: { answer: 'dismissed' }, note: '驳回', prepare: (c) => withJudicial(c, 'confirmed') } },
    ],
    // Both roles of the row: the centre records too, so the assignee rule is tested on its own (mediation-handoff.test.ts).
    record_referral: [
      { why: 'no answer', code: 'VALIDATION', scenario: { prepare: (c) => withLetter(c) }, detailKey: 'answer' },
      { why: 'a court ruling as the answer', code: 'VALIDATION', scenario: { params: { answer: 'confirmed' }, prepare: (c) => withLetter(c) }, detailKey: 'answer' },
      { why: 'a return without a reason', code: 'VALIDATION', scenario: { params: { answer: 'returned' }, prepare: (c) => withLetter(c) }, detailKey: 'note' },
      {
        why: 'a referral to arbitration (no letter)',
        code: 'ILLEGAL_TRANSITION',
        scenario: { params: { answer: 'received' }, prepare: (c) => withMed(c, { referral: { type: 'arbitration', note: '可申请仲裁' } }) },
      },
      { why: 'received twice', code: 'ILLEGAL_TRANSITION', scenario: { params: { answer: 'received' }, prepare: (c) => withLetter(c, ['received']) } },
      { why: 'after the receiver handled it', code: 'ILLEGAL_TRANSITION', scenario: { params: { answer: 'returned' }, note: '不属于管辖', prepare: (c) => withLetter(c, ['received', 'handled']) } },
    ],
  }
}
