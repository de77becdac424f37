/**
 * 小事不出村、大事不出镇 rows for the mediation transition suite (mediation-transitions.test.ts): a valid
 * 上交上级调解 and every refusal of its checks. What a pass up leaves on the case is in mediation-levels.test.ts.
 */
import { STREET } from './fixtures'
import { OTHER_MEDIATOR_ID, withMed } from './mediationFixtures'
import type { GuardFailure, Scenario } from './mediationScenarioTypes'

/** The fixture case sits with its street's committee: up one level is the district's (a district-wide committee keeps the street). */
export const PASS_UP_OK = { from: 'street', level: 'district', committee: 'family', unitCode: STREET, mediatorId: OTHER_MEDIATOR_ID }

export const LEVEL_VALID: Record<string, Scenario> = {
  'pass_up→=': { note: '涉及婚姻家庭财产分割，需区婚调委调解', params: PASS_UP_OK },
}

export function levelGuardFailures(notAssignee: (valid: Scenario) => GuardFailure[]): Record<string, GuardFailure[]> {
  const valid = LEVEL_VALID['pass_up→=']!
  const withParams = (params: Record<string, unknown>, prepare?: Scenario['prepare']): Scenario => ({ note: valid.note, params: { ...PASS_UP_OK, ...params }, ...(prepare ? { prepare } : {}) })
  return {
    pass_up: [
      ...notAssignee(valid),
      { why: 'no reason', code: 'VALIDATION', scenario: { params: PASS_UP_OK }, detailKey: 'note' },
      { why: 'a blank reason', code: 'VALIDATION', scenario: { note: '  ', params: PASS_UP_OK }, detailKey: 'note' },
      { why: 'a case already at the district', code: 'ILLEGAL_TRANSITION', scenario: { ...valid, prepare: (c) => withMed(c, { level: 'district' }) } },
      { why: 'no committee found above', code: 'VALIDATION', scenario: withParams({ committee: undefined }), detailKey: 'committee' },
      { why: 'no mediator there', code: 'VALIDATION', scenario: withParams({ mediatorId: undefined }), detailKey: 'mediatorId' },
      { why: 'no unit', code: 'VALIDATION', scenario: withParams({ unitCode: '  ' }), detailKey: 'unitCode' },
      { why: 'an unknown level', code: 'VALIDATION', scenario: withParams({ level: 'city' }), detailKey: 'level' },
      { why: 'two levels up', code: 'VALIDATION', scenario: withParams({ from: 'community', level: 'district' }), detailKey: 'level' },
      { why: 'a level down', code: 'VALIDATION', scenario: withParams({ from: 'street', level: 'community' }), detailKey: 'level' },
      { why: 'a "from" that is not where the case is', code: 'VALIDATION', scenario: withParams({ from: 'community', level: 'street' }, (c) => withMed(c, { level: 'street' })), detailKey: 'level' },
    ],
  }
}
