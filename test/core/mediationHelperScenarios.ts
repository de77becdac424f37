/**
 * 协助调解 rows for the mediation transition suite (mediation-transitions.test.ts): a valid command
 * for each row and every refusal of their checks. The helper's own reach is in mediationHelpers.test.ts.
 */
import type { Case } from '../../src/core/case'
import type { CaseHelper } from '../../src/core/kinds/mediation'
import { NOW } from './fixtures'
import { APPLICANT_ID, MEDIATOR_ID, pl, RESP1_ID, withMed } from './mediationFixtures'
import type { GuardFailure, Scenario } from './mediationScenarioTypes'

export const HELPER_ID = 'u-helper'
export const HELPER_PICK = { userId: HELPER_ID, name: '林志远', kind: 'legal_adviser' }

export function helperOnCase(userId = HELPER_ID, ratings?: CaseHelper['ratings']): CaseHelper {
  return { userId, name: userId === HELPER_ID ? '林志远' : '王街坊', kind: userId === HELPER_ID ? 'legal_adviser' : 'neighbour', invitedAt: NOW.toISOString(), ...(ratings ? { ratings } : {}) }
}

/** The case with these helpers invited. */
export function withHelpers(c: Case, ...helpers: CaseHelper[]): Case {
  return withMed(c, { helpers })
}

const withHelper = (c: Case) => withHelpers(c, helperOnCase())

export const HELPER_VALID: Record<string, Scenario> = {
  'invite_helper→=': { params: { helper: HELPER_PICK } },
  'remove_helper→=': { params: { helperId: HELPER_ID }, prepare: withHelper },
  'rate_helper→=': { params: { helperId: HELPER_ID, rating: 5, comment: '讲法律讲得清楚' }, prepare: withHelper },
}

export function helperGuardFailures(notAssignee: (valid: Scenario) => GuardFailure[]): Record<string, GuardFailure[]> {
  const pick = (helper: Record<string, unknown>, prepare?: Scenario['prepare']): Scenario => ({ params: { helper }, ...(prepare ? { prepare } : {}) })
  const five = (c: Case) => withHelpers(c, ...['h1', 'h2', 'h3', 'h4', 'h5'].map((u) => helperOnCase(u)))
  return {
    invite_helper: [
      ...notAssignee(HELPER_VALID['invite_helper→=']!),
      { why: 'no helper', code: 'VALIDATION', scenario: {}, detailKey: 'helperId' },
      { why: 'a helper without a kind', code: 'VALIDATION', scenario: pick({ ...HELPER_PICK, kind: undefined }), detailKey: 'helperId' },
      { why: 'an unknown kind', code: 'VALIDATION', scenario: pick({ ...HELPER_PICK, kind: 'lawyer' }), detailKey: 'helperId' },
      { why: 'a blank name', code: 'VALIDATION', scenario: pick({ ...HELPER_PICK, name: '  ' }), detailKey: 'helperId' },
      { why: 'someone already helping', code: 'ILLEGAL_TRANSITION', scenario: pick(HELPER_PICK, withHelper) },
      { why: 'the applicant', code: 'VALIDATION', scenario: pick({ ...HELPER_PICK, userId: APPLICANT_ID }), detailKey: 'helperId' },
      { why: 'a respondent', code: 'VALIDATION', scenario: pick({ ...HELPER_PICK, userId: RESP1_ID }), detailKey: 'helperId' },
      { why: 'the assigned mediator', code: 'VALIDATION', scenario: pick({ ...HELPER_PICK, userId: MEDIATOR_ID }), detailKey: 'helperId' },
      { why: 'a sixth helper', code: 'VALIDATION', scenario: pick(HELPER_PICK, five), detailKey: 'helperId' },
    ],
    remove_helper: [
      ...notAssignee(HELPER_VALID['remove_helper→=']!),
      { why: 'no helper named', code: 'VALIDATION', scenario: { prepare: withHelper }, detailKey: 'helperId' },
      { why: 'someone not on the case', code: 'VALIDATION', scenario: { params: { helperId: 'u-other' }, prepare: withHelper }, detailKey: 'helperId' },
      { why: 'a case with no helpers', code: 'VALIDATION', scenario: { params: { helperId: HELPER_ID } }, detailKey: 'helperId' },
    ],
    rate_helper: [
      { why: 'someone not on the case', code: 'VALIDATION', scenario: { params: { helperId: 'u-other', rating: 5 }, prepare: withHelper }, detailKey: 'helperId' },
      { why: 'no rating', code: 'VALIDATION', scenario: { params: { helperId: HELPER_ID }, prepare: withHelper }, detailKey: 'rating' },
      { why: 'rating 0', code: 'VALIDATION', scenario: { params: { helperId: HELPER_ID, rating: 0 }, prepare: withHelper }, detailKey: 'rating' },
      { why: 'rating 4.5', code: 'VALIDATION', scenario: { params: { helperId: HELPER_ID, rating: 4.5 }, prepare: withHelper }, detailKey: 'rating' },
      {
        why: 'a party who already rated this helper',
        code: 'ILLEGAL_TRANSITION',
        scenario: { params: { helperId: HELPER_ID, rating: 4 }, prepare: (c, a) => withHelpers(c, helperOnCase(HELPER_ID, { [a.userId]: { rating: 3, comment: null } })) },
      },
    ],
  }
}

export { pl }
