import type { Case } from '../../src/core/case'
import { isTerminal, transition, type TransitionInput, type TransitionRule } from '../../src/core/transition'
import {
  confirmingParties,
  joinCase,
  MEDIATION,
  type JoinInput,
  MEDIATION_OPEN,
  openMediation,
  REFERRALS,
  type MediationPayload,
} from '../../src/core/kinds/mediation'
import { KINDS, statusLabel } from '../../src/core/kinds'
import { ROLES, SYSTEM_ACTOR, type Actor, type ActorRole } from '../../src/core/roles'
import { canRead, grantCovers } from '../../src/core/scope'
import type { ErrorCode } from '../../src/core/outcome'
import { actor, COMMUNITY, deepFreeze, DEPT, DISTRICT, GRID1, grant, makeTree, NOW, STREET, STREET_B } from './fixtures'
import {
  agreement,
  APPLICANT,
  APPLICANT_ID,
  COMMITTEE,
  DAY,
  daysFromNow,
  freshApplication,
  MED_CASE_ID,
  mediationCase,
  MEDIATOR,
  MEDIATOR_ID,
  mediatorGrant,
  OTHER_COMMITTEE,
  OTHER_MEDIATOR_ID,
  pl,
  RESP1,
  RESP1_ID,
  RESP2,
  RESP2_ID,
  SECRET1,
  SECRET2,
  SESSION_ID,
  withConsent,
  withMed,
  withSecondRespondent,
} from './mediationFixtures'
import { HELPER_ID, HELPER_VALID, helperGuardFailures, helperOnCase, withHelpers } from './mediationHelperScenarios'
import { HANDOFF_VALID, handoffGuardFailures } from './mediationHandoffScenarios'
import { LEVEL_VALID, levelGuardFailures } from './mediationLevelScenarios'
import { VIDEO_VALID, videoGuardFailures } from './mediationVideoScenarios'
import { commandInput, expectAllowedMove, expectExplained, expectOutOfScopeActors, expectStaleVersionRefused, fromFor, rolesFor, ruleName } from './transitionKit'
import type { GuardFailure, Scenario } from './mediationScenarioTypes'

const tree = makeTree()
const STATUSES = Object.keys(MEDIATION.statusLabels)
const ALL_ROLES: readonly ActorRole[] = [...ROLES, 'system', 'applicant', 'respondent']
const CASE_ROLES: readonly ActorRole[] = ['system', 'applicant', 'respondent']
/** Roles the mediation kind's scope rule does not reach on these cases. */
const MEDIATION_UNREACHED: readonly ActorRole[] = ['department', 'building_manager']

/** One key per row: an action may have several rows with different targets. */
function rowKey(r: TransitionRule): string {
  return `${r.action}→${r.to ?? '='}`
}

/** Everyone on the fixture case except `userId` has confirmed agreement v1. */
function othersConfirmed(c: Case, a: Actor): Case {
  return withMed(c, { agreement: agreement(1, [APPLICANT_ID, ...pl(c).respondentIds].filter((u) => u !== a.userId)) })
}

/** A valid command for every row of the table; a new row without an entry here fails the suite. */
const VALID: Record<string, Scenario> = {
  'accept→accepted': { params: { committee: COMMITTEE, mediatorId: MEDIATOR_ID, timeLimitDays: 30 } },
  'reject→rejected': { note: '不属于人民调解受理范围' },
  'reassign→=': { note: '原调解员回避', params: { mediatorId: OTHER_MEDIATOR_ID } },
  'invite→awaiting_consent': {},
  // The respondent agreed when they joined: mediation starts without asking again.
  'invite→mediating': { prepare: (c) => withConsent(c, RESP1_ID, 'consented') },
  // One respondent: their consent is the last one and starts mediation.
  'consent→mediating': { note: '同意调解' },
  // Two respondents, the other still pending: the case keeps waiting.
  'consent→=': { prepare: (c) => withSecondRespondent(c) },
  'decline→declined': { note: '不同意调解' },
  'schedule→=': { params: { session: { at: daysFromNow(3), mode: 'online', place: 'https://meeting.example/abc' } } },
  'record_session→=': { note: '双方陈述意见', params: { sessionId: SESSION_ID } },
  'draft_agreement→agreement_pending': { params: { text: '调解协议书', terms: ['赔偿 500 元', '互不追究'] } },
  'confirm_agreement→succeeded': { params: { agreementVersion: 1 }, prepare: othersConfirmed },
  'confirm_agreement→=': { params: { agreementVersion: 1 } },
  'fail→failed': { note: '双方分歧过大', params: { referral: 'court' } },
  ...HANDOFF_VALID,
  'rate→=': { params: { rating: 5, comment: '调解员很耐心' } },
  'remind→=': { params: { daysLeft: 7 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(6) }) },
  'mark_overdue→=': { prepare: (c) => ({ ...c, slaDeadline: daysFromNow(-1) }) },
  ...HELPER_VALID,
  ...LEVEL_VALID,
  ...VIDEO_VALID,
}

function notAssignee(valid: Scenario): GuardFailure[] {
  const base = valid.prepare ?? ((c: Case) => c)
  return [
    {
      why: 'a committee mediator who is not the assignee',
      code: 'FORBIDDEN',
      scenario: { ...valid, prepare: (c, a) => ({ ...base(c, a), assigneeId: OTHER_MEDIATOR_ID }) },
    },
    { why: 'a case with no assignee', code: 'FORBIDDEN', scenario: { ...valid, prepare: (c, a) => ({ ...base(c, a), assigneeId: null }) } },
  ]
}

const ACCEPT_OK = { committee: COMMITTEE, mediatorId: MEDIATOR_ID, timeLimitDays: 30 }
const SESSION_OK = { at: daysFromNow(3), mode: 'online', place: 'https://meeting.example/abc' }

/** Every guard's failures; each rule with a guard must have at least one. Run against every row of the action. */
const GUARD_FAILURES: Record<string, GuardFailure[]> = {
  accept: [
    { why: 'no params', code: 'VALIDATION', scenario: {}, detailKey: 'mediatorId' },
    { why: 'no committee', code: 'VALIDATION', scenario: { params: { ...ACCEPT_OK, committee: undefined } }, detailKey: 'mediatorId' },
    { why: 'a non-string committee', code: 'VALIDATION', scenario: { params: { ...ACCEPT_OK, committee: 3 } } },
    { why: 'no mediator', code: 'VALIDATION', scenario: { params: { ...ACCEPT_OK, mediatorId: undefined } }, detailKey: 'mediatorId' },
    { why: 'no time limit', code: 'VALIDATION', scenario: { params: { ...ACCEPT_OK, timeLimitDays: undefined } } },
    { why: 'a time limit as a string', code: 'VALIDATION', scenario: { params: { ...ACCEPT_OK, timeLimitDays: '30' } } },
  ],
  reject: [
    { why: 'no note', code: 'VALIDATION', scenario: {}, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: ' \n ' }, detailKey: 'note' },
  ],
  reassign: [
    { why: 'no note', code: 'VALIDATION', scenario: { params: { mediatorId: OTHER_MEDIATOR_ID } }, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: '  ', params: { mediatorId: OTHER_MEDIATOR_ID } }, detailKey: 'note' },
    { why: 'no mediator', code: 'VALIDATION', scenario: { note: '回避' }, detailKey: 'mediatorId' },
    { why: 'a non-string mediator', code: 'VALIDATION', scenario: { note: '回避', params: { mediatorId: 9 } }, detailKey: 'mediatorId' },
  ],
  invite: notAssignee(VALID['invite→awaiting_consent']),
  consent: [
    {
      why: 'a party who already consented',
      code: 'ILLEGAL_TRANSITION',
      scenario: { prepare: (c, a) => withConsent(withSecondRespondent(c), a.userId, 'consented') },
    },
    {
      why: 'a party who already declined',
      code: 'ILLEGAL_TRANSITION',
      scenario: { prepare: (c, a) => withConsent(withSecondRespondent(c), a.userId, 'declined') },
    },
  ],
  decline: [
    {
      why: 'a party who already consented',
      code: 'ILLEGAL_TRANSITION',
      scenario: { note: '反悔', prepare: (c, a) => withConsent(withSecondRespondent(c), a.userId, 'consented') },
    },
  ],
  schedule: [
    ...notAssignee(VALID['schedule→=']),
    { why: 'no session', code: 'VALIDATION', scenario: {}, detailKey: 'at' },
    { why: 'no time', code: 'VALIDATION', scenario: { params: { session: { ...SESSION_OK, at: undefined } } }, detailKey: 'at' },
    { why: 'an unparseable time', code: 'VALIDATION', scenario: { params: { session: { ...SESSION_OK, at: '下周三' } } }, detailKey: 'at' },
    { why: 'no mode', code: 'VALIDATION', scenario: { params: { session: { ...SESSION_OK, mode: undefined } } }, detailKey: 'mode' },
    { why: 'an unknown mode', code: 'VALIDATION', scenario: { params: { session: { ...SESSION_OK, mode: 'phone' } } }, detailKey: 'mode' },
    { why: 'no place', code: 'VALIDATION', scenario: { params: { session: { ...SESSION_OK, place: undefined } } }, detailKey: 'place' },
    { why: 'a blank place', code: 'VALIDATION', scenario: { params: { session: { ...SESSION_OK, place: '   ' } } }, detailKey: 'place' },
  ],
  record_session: [
    ...notAssignee(VALID['record_session→=']),
    { why: 'no note', code: 'VALIDATION', scenario: { params: { sessionId: SESSION_ID } }, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: ' ', params: { sessionId: SESSION_ID } }, detailKey: 'note' },
    { why: 'an unknown session', code: 'VALIDATION', scenario: { note: '记录', params: { sessionId: 'sess-x' } }, detailKey: 'sessionId' },
    { why: 'no session id', code: 'VALIDATION', scenario: { note: '记录' }, detailKey: 'sessionId' },
  ],
  draft_agreement: [
    ...notAssignee(VALID['draft_agreement→agreement_pending']),
    { why: 'no params', code: 'VALIDATION', scenario: {}, detailKey: 'terms' },
    { why: 'no terms', code: 'VALIDATION', scenario: { params: { text: '协议' } }, detailKey: 'terms' },
    { why: 'an empty term list', code: 'VALIDATION', scenario: { params: { text: '协议', terms: [] } }, detailKey: 'terms' },
    { why: 'a blank term', code: 'VALIDATION', scenario: { params: { text: '协议', terms: ['赔偿', '  '] } }, detailKey: 'terms' },
    { why: 'a non-string term', code: 'VALIDATION', scenario: { params: { text: '协议', terms: ['赔偿', 500] } }, detailKey: 'terms' },
    { why: 'terms as one string', code: 'VALIDATION', scenario: { params: { text: '协议', terms: '赔偿' } }, detailKey: 'terms' },
    { why: 'no text', code: 'VALIDATION', scenario: { params: { terms: ['赔偿'] } }, detailKey: 'terms' },
  ],
  confirm_agreement: [
    { why: 'version 0', code: 'CONFLICT', scenario: { params: { agreementVersion: 0 } } },
    { why: 'a newer version than drafted', code: 'CONFLICT', scenario: { params: { agreementVersion: 2 } } },
    { why: 'the version as a string', code: 'CONFLICT', scenario: { params: { agreementVersion: '1' } } },
    { why: 'no version', code: 'CONFLICT', scenario: {} },
    {
      why: 'no agreement at all',
      code: 'CONFLICT',
      scenario: { params: { agreementVersion: 1 }, prepare: (c) => withMed(c, { agreement: null }) },
    },
    {
      why: 'the old version after a redraft',
      code: 'CONFLICT',
      scenario: { params: { agreementVersion: 1 }, prepare: (c) => withMed(c, { agreement: agreement(2) }) },
    },
    {
      why: 'a party who already confirmed this version',
      code: 'ILLEGAL_TRANSITION',
      scenario: { params: { agreementVersion: 1 }, prepare: (c, a) => withMed(c, { agreement: agreement(1, [a.userId]) }) },
    },
  ],
  fail: [
    ...notAssignee(VALID['fail→failed']),
    { why: 'no note', code: 'VALIDATION', scenario: { params: { referral: 'court' } }, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: '   ', params: { referral: 'arbitration' } }, detailKey: 'note' },
    { why: 'no referral', code: 'VALIDATION', scenario: { note: '分歧大' }, detailKey: 'referral' },
    { why: 'an unknown referral', code: 'VALIDATION', scenario: { note: '分歧大', params: { referral: 'prosecutor' } }, detailKey: 'referral' },
    { why: 'a referral in capitals', code: 'VALIDATION', scenario: { note: '分歧大', params: { referral: 'COURT' } }, detailKey: 'referral' },
  ],
  ...handoffGuardFailures(notAssignee),
  rate: [
    { why: 'no rating', code: 'VALIDATION', scenario: { params: {} }, detailKey: 'rating' },
    { why: 'no params', code: 'VALIDATION', scenario: {}, detailKey: 'rating' },
    { why: 'rating 0', code: 'VALIDATION', scenario: { params: { rating: 0 } }, detailKey: 'rating' },
    { why: 'rating 6', code: 'VALIDATION', scenario: { params: { rating: 6 } }, detailKey: 'rating' },
    { why: 'rating 2.5', code: 'VALIDATION', scenario: { params: { rating: 2.5 } }, detailKey: 'rating' },
    { why: 'rating as a string', code: 'VALIDATION', scenario: { params: { rating: '5' } }, detailKey: 'rating' },
    { why: 'rating NaN', code: 'VALIDATION', scenario: { params: { rating: Number.NaN } }, detailKey: 'rating' },
    {
      why: 'a party who already rated',
      code: 'ILLEGAL_TRANSITION',
      scenario: { params: { rating: 4 }, prepare: (c, a) => withMed(c, { ratings: { [a.userId]: { rating: 3, comment: null } } }) },
    },
  ],
  remind: [
    { why: 'no daysLeft', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => ({ ...c, slaDeadline: daysFromNow(6) }) } },
    { why: 'daysLeft 5', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: 5 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(4) }) } },
    { why: 'daysLeft 1', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: 1 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(0.5) }) } },
    { why: 'daysLeft as a string', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: '7' }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(6) }) } },
    {
      why: 'the 7-day reminder already sent',
      code: 'ILLEGAL_TRANSITION',
      scenario: { params: { daysLeft: 7 }, prepare: (c) => withMed({ ...c, slaDeadline: daysFromNow(6) }, { remindedDays: [7] }) },
    },
    { why: '10 days still left', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: 7 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(10) }) } },
    {
      why: '7 days and 1 ms left',
      code: 'ILLEGAL_TRANSITION',
      scenario: { params: { daysLeft: 7 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(7, 1) }) },
    },
    { why: 'the deadline already passed', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: 3 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(-1) }) } },
    { why: 'the deadline is now', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: 3 }, prepare: (c) => ({ ...c, slaDeadline: daysFromNow(0) }) } },
    { why: 'no deadline', code: 'ILLEGAL_TRANSITION', scenario: { params: { daysLeft: 7 }, prepare: (c) => ({ ...c, slaDeadline: null }) } },
  ],
  ...helperGuardFailures(notAssignee),
  ...levelGuardFailures(notAssignee),
  ...videoGuardFailures(),
  mark_overdue: [
    { why: 'no deadline', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => ({ ...c, slaDeadline: null }) } },
    { why: 'the deadline 1 h ahead', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => ({ ...c, slaDeadline: daysFromNow(0, 3600_000) }) } },
    { why: 'the deadline exactly now', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => ({ ...c, slaDeadline: daysFromNow(0) }) } },
    {
      why: 'already marked overdue',
      code: 'ILLEGAL_TRANSITION',
      scenario: { prepare: (c) => withMed({ ...c, slaDeadline: daysFromNow(-2) }, { overdueSince: daysFromNow(-1) }) },
    },
  ],
}

/** Actors holding `role`; `cover` below adjusts the case so their grant really covers it. */
function coveringActors(role: ActorRole): Actor[] {
  switch (role) {
    case 'helper':
      // A helper reaches only cases they were invited into: `cover` invites them.
      return [actor(HELPER_ID, grant('helper', COMMUNITY))]
    case 'proxy_agent':
      // A 代办员 reaches only the cases they filed for someone; these fixtures were filed by nobody's proxy.
      return []
    case 'system':
      return [SYSTEM_ACTOR]
    case 'partner':
      // An outside system only creates cases (createOnce); no transition row names it.
      return []
    case 'applicant':
      return [APPLICANT, actor(APPLICANT_ID, grant('resident', GRID1))]
    case 'respondent':
      return [RESP1]
    case 'mediator':
      return [MEDIATOR]
    case 'dispatcher':
      // The street's own centre and the district above it.
      return [actor('u-dispatcher', grant('dispatcher', STREET)), actor('u-dispatcher-d', grant('dispatcher', DISTRICT))]
    case 'admin':
    case 'police':
      return [actor(`u-${role}`, grant(role, STREET))]
    case 'resident':
    case 'tenant':
      // A resident grant covers only what one created: the applicant.
      return [actor(APPLICANT_ID, grant(role, GRID1))]
    case 'grid_worker':
      return [actor('u-gw', grant('grid_worker', STREET))]
    case 'department':
      return [actor('u-dept', grant('department', STREET, DEPT))]
    case 'building_manager':
      return [actor('u-bm', grant('building_manager', GRID1))]
  }
}

/** Makes the case one the actor's grant covers (mediation cases have no grid, department or committee before acceptance). */
function cover(c: Case, a: Actor, role: ActorRole): Case {
  switch (role) {
    case 'mediator':
      // Only a case not yet accepted lacks both; an accepted one keeps whatever assignee it has.
      return pl(c).committee === null ? withMed({ ...c, assigneeId: a.userId }, { committee: COMMITTEE }) : c
    case 'grid_worker':
      return { ...c, gridCode: GRID1 }
    case 'department':
      return { ...c, payload: { ...c.payload, department: DEPT } }
    case 'building_manager':
      return { ...c, assigneeId: a.userId }
    case 'helper':
      return withHelpers(c, helperOnCase(a.userId))
    case 'police':
      // Police reach a mediation case only once it was referred to them (警调对接).
      return withMed(c, { referral: { type: 'police', note: '转辖区派出所' } })
    default:
      return c
  }
}

interface Outsider {
  why: string
  actor: Actor
  /** A mediator of the committee may read the case even where only the assignee may act. */
  readable?: boolean
}

const NEIGHBOUR = actor('u-neighbour', grant('resident', GRID1))
/** Holds an invitation but never joined (RESP2 joins in some scenarios). */
const INVITEE = actor('u-invitee', grant('resident', GRID1))

/** Actors holding the role but not in reach of the fixture case. */
const OUT_OF_SCOPE: Partial<Record<ActorRole, Outsider[]>> = {
  dispatcher: [
    { why: 'a dispatcher of another street', actor: actor('u-disp-b', grant('dispatcher', STREET_B)) },
    { why: 'a dispatcher of a community below the street', actor: actor('u-disp-c', grant('dispatcher', COMMUNITY)) },
  ],
  mediator: [
    { why: 'a mediator of another committee', actor: actor(MEDIATOR_ID + '-t', mediatorGrant(STREET, OTHER_COMMITTEE)) },
    { why: 'a mediator of the committee in another street', actor: actor('u-med-b', mediatorGrant(STREET_B)) },
    { why: 'a mediator grant without a committee', actor: actor('u-med-none', mediatorGrant(STREET, null)) },
    { why: 'the assignee id holding another committee', actor: actor(MEDIATOR_ID, mediatorGrant(STREET, OTHER_COMMITTEE)) },
    { why: 'a mediator of the committee who is not the assignee', actor: actor(OTHER_MEDIATOR_ID, mediatorGrant()), readable: true },
    {
      why: 'a district mediator of the committee who is not the assignee',
      actor: actor('u-med-d', mediatorGrant(DISTRICT)),
      readable: true,
    },
  ],
  applicant: [
    { why: 'a resident who is neither applicant nor respondent', actor: NEIGHBOUR },
    { why: 'a user with no grants', actor: actor('u-stranger') },
    { why: 'the holder of an invitation who has not joined', actor: INVITEE },
  ],
  respondent: [
    { why: 'a resident who is neither applicant nor respondent', actor: NEIGHBOUR },
    { why: 'a user with no grants', actor: actor('u-stranger') },
    { why: 'the holder of an invitation who has not joined', actor: INVITEE },
  ],
  helper: [
    { why: 'a helper of the community not invited into the case', actor: actor('u-helper-x', grant('helper', COMMUNITY)) },
    { why: 'a helper of the street not invited into the case', actor: actor('u-helper-s', grant('helper', STREET)) },
  ],
}

const input = commandInput

function prepared(status: string, s: Scenario, a: Actor): Case {
  const c = mediationCase(status)
  return s.prepare ? s.prepare(c, a) : c
}

function run(c: Case, a: Actor, action: string, s: Scenario = {}, extra: Partial<TransitionInput> = {}) {
  return transition(MEDIATION, tree, c, input(a, action, s, extra))
}

function ok(c: Case, a: Actor, action: string, s: Scenario = {}, extra: Partial<TransitionInput> = {}) {
  const out = run(c, a, action, s, extra)
  if (!out.ok) throw new Error(`${a.userId} ${action}: ${out.code} ${out.message}`)
  return out
}

function codeOf(out: { ok: boolean; code?: ErrorCode }): ErrorCode | 'OK' {
  return out.ok ? 'OK' : (out.code as ErrorCode)
}

describe('mediation transition table', () => {
  it('is well-formed: known statuses, labelled actions, terminal statuses are left only by in-place records', () => {
    expect(MEDIATION.kind).toBe('mediation')
    expect(MEDIATION.initialStatus).toBe('applied')
    expect(STATUSES).toEqual([
      'applied',
      'accepted',
      'awaiting_consent',
      'mediating',
      'agreement_pending',
      'succeeded',
      'failed',
      'declined',
      'rejected',
    ])
    expect([...MEDIATION.terminalStatuses].sort()).toEqual(['declined', 'failed', 'rejected', 'succeeded'])
    expect([...MEDIATION_OPEN].sort()).toEqual(STATUSES.filter((s) => !isTerminal(MEDIATION, s)).sort())
    for (const r of MEDIATION.rules) {
      expect(MEDIATION.actionLabels[r.action]).toEqual(expect.any(String))
      for (const f of r.from) expect(STATUSES).toContain(f)
      if (r.to !== undefined) expect(STATUSES).toContain(r.to)
      expect(r.roles.length).toBeGreaterThan(0)
      // Rating and judicial confirmation happen on a closed case but never reopen it.
      if (r.from.some((f) => isTerminal(MEDIATION, f))) expect({ action: r.action, to: r.to }).toEqual({ action: r.action, to: undefined })
    }
    for (const t of MEDIATION.terminalStatuses) expect(isTerminal(MEDIATION, t)).toBe(true)
  })

  it('has a valid scenario for every row and a failure for every guarded action', () => {
    const keys = MEDIATION.rules.map(rowKey)
    expect(new Set(keys).size).toBe(keys.length)
    expect(Object.keys(VALID).sort()).toEqual([...keys].sort())
    for (const r of MEDIATION.rules) {
      if (r.guard) expect({ action: r.action, failures: (GUARD_FAILURES[r.action] ?? []).length > 0 }).toEqual({ action: r.action, failures: true })
    }
  })

  it('has an out-of-scope actor for every person role in the table', () => {
    expectOutOfScopeActors(MEDIATION, OUT_OF_SCOPE)
  })

  it('is the kind registered for mediation', () => {
    expect(KINDS.mediation).toBe(MEDIATION)
    expect(statusLabel('mediation', 'awaiting_consent')).toBe('待对方同意')
    expect(statusLabel('mediation', 'failed')).toBe('调解不成')
  })
})

describe('who may do what, from where (pinned from the domain page)', () => {
  const toFor = (action: string) => [...new Set(MEDIATION.rules.filter((r) => r.action === action).map((r) => r.to ?? '='))].sort()
  const ASSIGNED = ['accepted', 'agreement_pending', 'awaiting_consent', 'mediating']
  const MEETING = ['agreement_pending', 'mediating']

  it.each([
    ['accept', ['dispatcher'], ['applied'], ['accepted']],
    ['reject', ['dispatcher'], ['applied'], ['rejected']],
    ['reassign', ['dispatcher'], ASSIGNED, ['=']],
    ['invite', ['mediator'], ['accepted'], ['awaiting_consent', 'mediating']],
    ['consent', ['respondent'], ['awaiting_consent'], ['=', 'mediating']],
    ['decline', ['respondent'], ['awaiting_consent'], ['declined']],
    ['schedule', ['mediator'], MEETING, ['=']],
    ['record_session', ['mediator'], MEETING, ['=']],
    ['draft_agreement', ['mediator'], MEETING, ['agreement_pending']],
    ['confirm_agreement', ['applicant', 'respondent'], ['agreement_pending'], ['=', 'succeeded']],
    ['fail', ['mediator'], ASSIGNED, ['failed']],
    ['prepare_judicial', ['mediator'], ['succeeded'], ['=']],
    ['confirm_judicial', ['applicant', 'respondent'], ['succeeded'], ['=']],
    ['record_judicial', ['mediator'], ['succeeded'], ['=']],
    ['record_referral', ['dispatcher', 'mediator'], ['failed'], ['=']],
    ['rate', ['applicant', 'respondent'], ['declined', 'failed', 'succeeded'], ['=']],
    ['remind', ['system'], ASSIGNED, ['=']],
    ['mark_overdue', ['system'], ASSIGNED, ['=']],
    ['invite_helper', ['mediator'], ASSIGNED, ['=']],
    ['remove_helper', ['mediator'], ASSIGNED, ['=']],
    ['rate_helper', ['applicant', 'respondent'], ['declined', 'failed', 'succeeded'], ['=']],
    ['pass_up', ['mediator'], ['accepted', 'awaiting_consent', 'mediating'], ['=']],
    ['video_join', ['applicant', 'helper', 'mediator', 'respondent'], MEETING, ['=']],
    ['video_leave', ['applicant', 'helper', 'mediator', 'respondent'], ['agreement_pending', 'failed', 'mediating', 'succeeded'], ['=']],
  ] as const)('%s: roles %j, from %j, to %j', (action, roles, from, to) => {
    expect(rolesFor(MEDIATION, action)).toEqual([...roles])
    expect(fromFor(MEDIATION, action)).toEqual([...from])
    expect(toFor(action)).toEqual([...to])
  })

  it('covers every action of the table', () => {
    expect([...new Set(MEDIATION.rules.map((r) => r.action))].sort()).toEqual(
      [
        'accept',
        'confirm_agreement',
        'consent',
        'decline',
        'draft_agreement',
        'fail',
        'invite',
        'prepare_judicial',
        'confirm_judicial',
        'record_judicial',
        'record_referral',
        'mark_overdue',
        'rate',
        'reassign',
        'record_session',
        'reject',
        'remind',
        'schedule',
        'invite_helper',
        'remove_helper',
        'rate_helper',
        'pass_up',
        'video_join',
        'video_leave',
      ].sort(),
    )
  })

  it('the row that moves on comes before the row that waits (first fitting row applies)', () => {
    for (const action of ['consent', 'confirm_agreement']) {
      const rows = MEDIATION.rules.filter((r) => r.action === action)
      expect(rows.map((r) => r.to ?? '=')).toEqual([action === 'consent' ? 'mediating' : 'succeeded', '='])
    }
  })
})

describe.each(MEDIATION.rules.map((r) => [ruleName(r), r] as const))('rule %s', (_name, rule) => {
  const valid = VALID[rowKey(rule)] ?? {}

  describe('allowed', () => {
    for (const from of rule.from) {
      for (const role of rule.roles) {
        it(`from ${from} as ${role}`, () => {
          for (const a of coveringActors(role)) {
            const c = deepFreeze(cover(prepared(from, valid, a), a, role))
            const inp = deepFreeze(input(a, rule.action, valid, { expectedVersion: c.version }))
            const kept = ['id', 'kind', 'creatorId', 'createdAt', 'category', 'idempotencyKey', 'gridCode', 'unitCode'] as const
            const out = expectAllowedMove(MEDIATION, tree, c, inp, { role, rule, from, caseId: MED_CASE_ID, s: valid, kept })
            if (!rule.patch) expect(out.case).toEqual({ ...c, status: rule.to ?? from, version: c.version + 1, updatedAt: NOW.toISOString() })
          }
        })
      }
    }
  })

  it('refuses every status outside `from` with ILLEGAL_TRANSITION', () => {
    const others = STATUSES.filter((s) => !MEDIATION.rules.some((r) => r.action === rule.action && r.from.includes(s)))
    expect(others.length).toBeGreaterThan(0)
    for (const status of others) {
      for (const role of rule.roles) {
        const a = coveringActors(role)[0]
        const out = run(cover(prepared(status, valid, a), a, role), a, rule.action, valid)
        expect({ status, role, code: codeOf(out) }).toEqual({ status, role, code: 'ILLEGAL_TRANSITION' })
      }
    }
  })

  const outsiders = ALL_ROLES.filter((r) => !rule.roles.includes(r))
  it.each(outsiders)('refuses role %s (in reach of the case) with FORBIDDEN', (role) => {
    // A resident grant reaches only the creator, who is the applicant.
    if ((role === 'resident' || role === 'tenant') && rule.roles.includes('applicant')) return
    for (const from of rule.from) {
      for (const a of coveringActors(role)) {
        const c = cover(prepared(from, valid, a), a, role)
        // The mediation kind's scope rule names no department or building manager.
        if (!CASE_ROLES.includes(role)) expect({ role, covers: a.grants.every((g) => grantCovers(tree, g, a, c)) }).toEqual({ role, covers: !MEDIATION_UNREACHED.includes(role) })
        const out = run(c, a, rule.action, valid)
        expect({ from, who: a.userId, code: codeOf(out) }).toEqual({ from, who: a.userId, code: 'FORBIDDEN' })
      }
    }
  })

  const scoped = rule.roles.filter((r) => r !== 'system')
  if (scoped.length > 0) {
    it.each(scoped)('refuses role %s out of scope with FORBIDDEN', (role) => {
      const list = OUT_OF_SCOPE[role] ?? []
      expect(list.length).toBeGreaterThan(0)
      for (const from of rule.from) {
        for (const { why, actor: a, readable } of list) {
          const c = prepared(from, valid, a)
          expect({ why, readable: canRead(tree, a, c) }).toEqual({ why, readable: readable ?? false })
          const out = run(c, a, rule.action, valid)
          expect({ from, why, code: codeOf(out) }).toEqual({ from, why, code: 'FORBIDDEN' })
        }
      }
    })
  }

  const failures = GUARD_FAILURES[rule.action] ?? []
  if (failures.length > 0) {
    it.each(failures.map((f) => [f.why, f] as const))('refuses %s', (_why, f) => {
      for (const from of rule.from) {
        for (const role of rule.roles) {
          const a = coveringActors(role)[0]
          const c = deepFreeze(cover(prepared(from, f.scenario, a), a, role))
          const out = run(c, a, rule.action, f.scenario)
          expect({ from, role, code: codeOf(out) }).toEqual({ from, role, code: f.code })
          expectExplained(out, f.detailKey)
        }
      }
    })
  }

  it('refuses a stale expectedVersion with CONFLICT (retryable)', () => {
    for (const from of rule.from) {
      const role = rule.roles[0]
      const a = coveringActors(role)[0]
      const c = cover(prepared(from, valid, a), a, role)
      expectStaleVersionRefused(MEDIATION, tree, c, a, rule.action, valid)
    }
  })
})

describe('consent', () => {
  const awaiting2 = () => withSecondRespondent(mediationCase('awaiting_consent'))
  const consentOf = (c: Case, userId: string) => pl(c).parties.find((x) => x.userId === userId)

  it('with two respondents the first consent keeps waiting and the second starts mediation, in either order', () => {
    for (const [first, second] of [
      [RESP1, RESP2],
      [RESP2, RESP1],
    ]) {
      const one = ok(awaiting2(), first, 'consent')
      expect(one.case.status).toBe('awaiting_consent')
      expect(one.event).toMatchObject({ fromStatus: 'awaiting_consent', toStatus: 'awaiting_consent', actorRole: 'respondent' })
      expect(consentOf(one.case, first.userId)).toMatchObject({ consent: 'consented', consentAt: NOW.toISOString() })
      expect(consentOf(one.case, second.userId)).toMatchObject({ consent: 'pending' })
      expect(consentOf(one.case, second.userId)?.consentAt).toBeUndefined()
      const two = ok(one.case, second, 'consent', {}, { expectedVersion: one.case.version })
      expect(two.case.status).toBe('mediating')
      expect(two.case.version).toBe(one.case.version + 1)
      expect(pl(two.case).parties.filter((x) => x.side === 'respondent').map((x) => x.consent)).toEqual(['consented', 'consented'])
      // The applicant's own party row is not touched.
      expect(pl(two.case).parties[0]).toEqual(pl(awaiting2()).parties[0])
    }
  })

  it('a respondent slot nobody joined yet keeps the case waiting', () => {
    const c = withSecondRespondent(mediationCase('awaiting_consent'), 'pending', false)
    expect(ok(c, RESP1, 'consent').case.status).toBe('awaiting_consent')
  })

  it('a party cannot consent twice, nor decline after consenting', () => {
    const one = ok(awaiting2(), RESP1, 'consent')
    expect(run(one.case, RESP1, 'consent')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(run(one.case, RESP1, 'decline', { note: '反悔' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    // Once mediating, nobody consents any more.
    const two = ok(one.case, RESP2, 'consent')
    expect(run(two.case, RESP1, 'consent')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(run(two.case, RESP2, 'decline')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('decline ends the case as declined with a court referral suggestion', () => {
    const out = ok(mediationCase('awaiting_consent'), RESP1, 'decline')
    expect(out.case.status).toBe('declined')
    expect(isTerminal(MEDIATION, out.case.status)).toBe(true)
    expect(pl(out.case).referral).toEqual({ type: 'court', note: '对方不同意调解，可依法向人民法院起诉' })
    expect(consentOf(out.case, RESP1_ID)).toMatchObject({ consent: 'declined', consentAt: NOW.toISOString() })
    expect(out.event.note).toBeNull()
    const withNote = ok(mediationCase('awaiting_consent'), RESP1, 'decline', { note: '  已起诉  ' })
    expect(pl(withNote.case).referral).toEqual({ type: 'court', note: '已起诉' })
    expect(withNote.event.note).toBe('已起诉')
  })

  it('one respondent declining after another consented still ends the case', () => {
    const one = ok(awaiting2(), RESP1, 'consent')
    const out = ok(one.case, RESP2, 'decline')
    expect(out.case.status).toBe('declined')
    expect(pl(out.case).parties.filter((x) => x.side === 'respondent').map((x) => x.consent)).toEqual(['consented', 'declined'])
  })

  it('no session can be scheduled before consent', () => {
    const s = VALID['schedule→=']
    for (const status of ['applied', 'accepted', 'awaiting_consent']) {
      const c = cover(mediationCase(status), MEDIATOR, 'mediator')
      expect({ status, code: codeOf(run(c, MEDIATOR, 'schedule', s)) }).toEqual({ status, code: 'ILLEGAL_TRANSITION' })
    }
    // Half the parties consenting is not enough.
    const half = ok(awaiting2(), RESP1, 'consent').case
    expect(run(half, MEDIATOR, 'schedule', s)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const all = ok(half, RESP2, 'consent').case
    expect(ok(all, MEDIATOR, 'schedule', s).case.status).toBe('mediating')
  })

  it('only respondents consent or decline: not the applicant, the mediator or the centre', () => {
    const c = mediationCase('awaiting_consent')
    for (const a of [APPLICANT, actor(APPLICANT_ID, grant('resident', GRID1)), MEDIATOR, actor('u-dispatcher', grant('dispatcher', STREET)), SYSTEM_ACTOR]) {
      expect({ who: a.userId, code: codeOf(run(c, a, 'consent')) }).toEqual({ who: a.userId, code: 'FORBIDDEN' })
      expect({ who: a.userId, code: codeOf(run(c, a, 'decline')) }).toEqual({ who: a.userId, code: 'FORBIDDEN' })
    }
  })
})

describe('agreement', () => {
  const draftParams = { text: '调解协议书', terms: ['  赔偿 500 元 ', '互不追究'] }

  it('the first draft is version 1 with trimmed terms and no confirmations', () => {
    const out = ok(mediationCase('mediating'), MEDIATOR, 'draft_agreement', { params: draftParams })
    expect(out.case.status).toBe('agreement_pending')
    expect(pl(out.case).agreement).toEqual({
      version: 1,
      text: '调解协议书',
      terms: ['赔偿 500 元', '互不追究'],
      draftedAt: NOW.toISOString(),
      confirmations: [],
    })
  })

  it('a redraft is version 2 and clears the confirmations', () => {
    const c = withMed(mediationCase('agreement_pending'), { agreement: agreement(1, [APPLICANT_ID]) })
    const out = ok(c, MEDIATOR, 'draft_agreement', { params: { text: '修改后', terms: ['赔偿 800 元'] } })
    expect(out.case.status).toBe('agreement_pending')
    expect(pl(out.case).agreement).toMatchObject({ version: 2, text: '修改后', terms: ['赔偿 800 元'], confirmations: [] })
    const again = ok(out.case, MEDIATOR, 'draft_agreement', { params: { text: '再改', terms: ['赔偿 600 元'] } })
    expect(pl(again.case).agreement?.version).toBe(3)
  })

  it('confirming an old version after a redraft is a CONFLICT; the new version is accepted', () => {
    const v2 = ok(mediationCase('agreement_pending'), MEDIATOR, 'draft_agreement', { params: draftParams }).case
    expect(run(v2, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 1 } })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      retryable: true,
    })
    const out = ok(v2, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 2 } })
    expect(pl(out.case).agreement?.confirmations).toEqual([{ userId: APPLICANT_ID, version: 2, at: NOW.toISOString() }])
  })

  it('closing needs the applicant and every joined respondent to confirm', () => {
    let c = withSecondRespondent(mediationCase('agreement_pending'), 'consented')
    expect(confirmingParties(c)).toEqual([APPLICANT_ID, RESP1_ID, RESP2_ID])
    const order = [RESP2, APPLICANT, RESP1]
    for (const [i, a] of order.entries()) {
      const out = ok(c, a, 'confirm_agreement', { params: { agreementVersion: 1 } }, { expectedVersion: c.version })
      expect({ who: a.userId, status: out.case.status }).toEqual({ who: a.userId, status: i < order.length - 1 ? 'agreement_pending' : 'succeeded' })
      expect(pl(out.case).agreement?.confirmations.map((x) => x.userId)).toEqual(order.slice(0, i + 1).map((x) => x.userId))
      c = out.case
    }
    expect(c.status).toBe('succeeded')
  })

  it('confirmations of version 1 do not count after a redraft', () => {
    let c = withSecondRespondent(mediationCase('agreement_pending'), 'consented')
    c = ok(c, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 1 } }).case
    c = ok(c, RESP1, 'confirm_agreement', { params: { agreementVersion: 1 } }).case
    c = ok(c, MEDIATOR, 'draft_agreement', { params: draftParams }).case
    // RESP2 would have been the last for version 1; for version 2 nobody else has confirmed.
    c = ok(c, RESP2, 'confirm_agreement', { params: { agreementVersion: 2 } }).case
    expect(c.status).toBe('agreement_pending')
    c = ok(c, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 2 } }).case
    expect(c.status).toBe('agreement_pending')
    c = ok(c, RESP1, 'confirm_agreement', { params: { agreementVersion: 2 } }).case
    expect(c.status).toBe('succeeded')
  })

  it('stale confirmations of an older version left in the list neither count nor block', () => {
    const stale = { ...agreement(2), confirmations: agreement(1, [APPLICANT_ID, RESP1_ID]).confirmations }
    const c = withMed(withSecondRespondent(mediationCase('agreement_pending'), 'consented'), { agreement: stale })
    const out = ok(c, RESP2, 'confirm_agreement', { params: { agreementVersion: 2 } })
    expect(out.case.status).toBe('agreement_pending')
    // The applicant's version-1 confirmation is not "already confirmed" for version 2.
    expect(ok(out.case, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 2 } }).case.status).toBe('agreement_pending')
  })

  it('a party cannot confirm twice', () => {
    const c = withSecondRespondent(mediationCase('agreement_pending'), 'consented')
    const one = ok(c, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 1 } }).case
    expect(run(one, APPLICANT, 'confirm_agreement', { params: { agreementVersion: 1 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const two = ok(one, RESP1, 'confirm_agreement', { params: { agreementVersion: 1 } }).case
    expect(run(two, RESP1, 'confirm_agreement', { params: { agreementVersion: 1 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(pl(two).agreement?.confirmations).toHaveLength(2)
    expect(two.status).toBe('agreement_pending')
  })

  it('a non-party cannot confirm', () => {
    const c = mediationCase('agreement_pending')
    for (const a of [
      NEIGHBOUR,
      RESP2,
      MEDIATOR,
      actor('u-dispatcher', grant('dispatcher', STREET)),
      actor('u-admin', grant('admin', STREET)),
      SYSTEM_ACTOR,
    ]) {
      expect({ who: a.userId, code: codeOf(run(c, a, 'confirm_agreement', { params: { agreementVersion: 1 } })) }).toEqual({
        who: a.userId,
        code: 'FORBIDDEN',
      })
    }
  })
})

describe('fail, rate, remind, mark_overdue, accept and the other patches', () => {
  const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))

  it.each(REFERRALS)('fail records the referral %s and the trimmed note', (referral) => {
    const out = ok(mediationCase('agreement_pending'), MEDIATOR, 'fail', { note: '  分歧过大 ', params: { referral } })
    expect(out.case.status).toBe('failed')
    expect(pl(out.case).referral).toEqual({ type: referral, note: '分歧过大' })
    expect(out.event.note).toBe('分歧过大')
  })

  it('fail offers exactly court, arbitration, administrative, police and petition', () => {
    expect([...REFERRALS].sort()).toEqual(['administrative', 'arbitration', 'court', 'petition', 'police'])
  })

  it('rate: once per party, 1–5, with an optional comment', () => {
    for (const status of ['succeeded', 'failed', 'declined']) {
      let c = mediationCase(status)
      const first = ok(c, APPLICANT, 'rate', { params: { rating: 4, comment: '满意' } })
      expect(pl(first.case).ratings).toEqual({ [APPLICANT_ID]: { rating: 4, comment: '满意' } })
      c = first.case
      expect(run(c, APPLICANT, 'rate', { params: { rating: 5 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
      const second = ok(c, RESP1, 'rate', { params: { rating: 1 } })
      expect(pl(second.case).ratings).toEqual({
        [APPLICANT_ID]: { rating: 4, comment: '满意' },
        [RESP1_ID]: { rating: 1, comment: null },
      })
      expect(second.case.status).toBe(status)
      expect(run(second.case, RESP1, 'rate', { params: { rating: 2 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    }
    for (const rating of [1, 2, 3, 4, 5]) {
      expect(pl(ok(mediationCase('succeeded'), RESP1, 'rate', { params: { rating } }).case).ratings[RESP1_ID]?.rating).toBe(rating)
    }
    expect(run(mediationCase('mediating'), APPLICANT, 'rate', { params: { rating: 5 } })).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    expect(run(mediationCase('rejected'), APPLICANT, 'rate', { params: { rating: 5 } })).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
  })

  it('remind only at 7 and 3 days left, once each', () => {
    let c: Case = { ...mediationCase('mediating'), slaDeadline: daysFromNow(7) }
    // Exactly 7 days left is due.
    const at7 = ok(c, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 7 } })
    expect(pl(at7.case).remindedDays).toEqual([7])
    expect(at7.case.status).toBe('mediating')
    expect(at7.role).toBe('system')
    c = at7.case
    expect(run(c, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 7 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    // 3-day reminder not yet due with 7 days (or 3 days and 1 ms) left.
    expect(run(c, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 3 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(run({ ...c, slaDeadline: daysFromNow(3, 1) }, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 3 } })).toMatchObject({ ok: false })
    c = { ...c, slaDeadline: daysFromNow(2) }
    const at3 = ok(c, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 3 } })
    expect(pl(at3.case).remindedDays).toEqual([7, 3])
    expect(run(at3.case, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 3 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(run(at3.case, SYSTEM_ACTOR, 'remind', { params: { daysLeft: 7 } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    // Nobody but the system sends reminders.
    expect(run(c, MEDIATOR, 'remind', { params: { daysLeft: 3 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(c, actor('system', grant('admin', STREET)), 'remind', { params: { daysLeft: 3 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('mark_overdue only past the deadline, and once', () => {
    const c: Case = { ...mediationCase('awaiting_consent'), slaDeadline: daysFromNow(0, -1) }
    expect(run({ ...c, slaDeadline: daysFromNow(0) }, SYSTEM_ACTOR, 'mark_overdue')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const out = ok(c, SYSTEM_ACTOR, 'mark_overdue')
    expect(pl(out.case).overdueSince).toBe(NOW.toISOString())
    expect(out.case.status).toBe('awaiting_consent')
    const later = new Date(NOW.getTime() + DAY)
    expect(run(out.case, SYSTEM_ACTOR, 'mark_overdue', {}, { now: later })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(run(mediationCase('failed', {}, { slaDeadline: daysFromNow(-3) }), SYSTEM_ACTOR, 'mark_overdue')).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    })
  })

  it('accept sets committee, assignee and deadline = now + timeLimitDays', () => {
    for (const days of [30, 15]) {
      const c = mediationCase('applied')
      const out = ok(c, dispatcher, 'accept', { params: { committee: 'marriage', mediatorId: 'u-med-9', timeLimitDays: days } })
      expect(out.case.status).toBe('accepted')
      expect(out.case.assigneeId).toBe('u-med-9')
      expect(out.case.slaDeadline).toBe(new Date(NOW.getTime() + days * DAY).toISOString())
      expect(pl(out.case).committee).toBe('marriage')
      expect({ ...pl(out.case), committee: null }).toEqual(pl(c))
      // The named mediator of that committee now has the case; the old committee's mediator does not.
      expect(run(out.case, actor('u-med-9', mediatorGrant(STREET, 'marriage')), 'invite')).toMatchObject({ ok: true, role: 'mediator' })
      expect(run(out.case, actor('u-med-9', mediatorGrant(STREET, COMMITTEE)), 'invite')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(run(out.case, actor('u-med-x', mediatorGrant(STREET, 'marriage')), 'invite')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  it('before acceptance no mediator reaches the case', () => {
    const c = mediationCase('applied')
    expect(canRead(tree, MEDIATOR, c)).toBe(false)
    expect(run(c, MEDIATOR, 'invite')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('reassign changes the assignee, keeps the committee unless given, and the old mediator loses the case', () => {
    const c = mediationCase('mediating')
    const out = ok(c, dispatcher, 'reassign', { note: '回避', params: { mediatorId: OTHER_MEDIATOR_ID } })
    expect(out.case.assigneeId).toBe(OTHER_MEDIATOR_ID)
    expect(pl(out.case).committee).toBe(COMMITTEE)
    expect(out.case.status).toBe('mediating')
    expect(out.case.slaDeadline).toBe(c.slaDeadline)
    const s = VALID['schedule→=']
    expect(run(out.case, MEDIATOR, 'schedule', s)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(ok(out.case, actor(OTHER_MEDIATOR_ID, mediatorGrant()), 'schedule', s).role).toBe('mediator')
    const moved = ok(c, dispatcher, 'reassign', { note: '转交通', params: { mediatorId: 'u-med-t', committee: OTHER_COMMITTEE } })
    expect(pl(moved.case).committee).toBe(OTHER_COMMITTEE)
    expect(run(moved.case, actor('u-med-t', mediatorGrant(STREET, OTHER_COMMITTEE)), 'schedule', s).ok).toBe(true)
    expect(run(moved.case, actor('u-med-t', mediatorGrant()), 'schedule', s)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('schedule adds a session named by the event id; record_session writes notes on that session only', () => {
    const c = mediationCase('mediating')
    const out = ok(c, MEDIATOR, 'schedule', {
      params: { session: { at: '2026-11-26T10:00:00+08:00', mode: 'in_person', place: '  云景社区调解室 ' } },
    }, { eventId: 'evt-sched' })
    expect(pl(out.case).sessions).toEqual([
      pl(c).sessions[0],
      { id: 'evt-sched', at: '2026-11-26T02:00:00.000Z', mode: 'in_person', place: '云景社区调解室', notes: null },
    ])
    const rec = ok(out.case, MEDIATOR, 'record_session', { note: '  双方同意再谈 ', params: { sessionId: 'evt-sched' } })
    expect(pl(rec.case).sessions.map((s) => s.notes)).toEqual([null, '双方同意再谈'])
    expect(rec.case.status).toBe('mediating')
  })

  it('prepare_judicial drafts the application to the court, waiting for the parties; the case stays succeeded', () => {
    const out = ok(mediationCase('succeeded'), MEDIATOR, 'prepare_judicial', { params: { court: ' 广州市白云区人民法院 ' } })
    expect(pl(out.case).judicial).toEqual({ status: 'drafting', court: '广州市白云区人民法院', preparedAt: NOW.toISOString(), confirmations: [], appliedAt: null, answers: [] })
    expect(out.case.status).toBe('succeeded')
  })

  it('invite moves an accepted case to awaiting consent by the assigned mediator only', () => {
    const out = ok(mediationCase('accepted'), MEDIATOR, 'invite')
    expect(out.case.status).toBe('awaiting_consent')
    expect(run(mediationCase('accepted'), actor(OTHER_MEDIATOR_ID, mediatorGrant()), 'invite')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  // BUG: acceptParams only checks `typeof timeLimitDays === 'number'`, so NaN/Infinity reach
  // `new Date(NaN).toISOString()` and the transition throws a RangeError instead of refusing.
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('accept with timeLimitDays %p is refused with VALIDATION', (days) => {
    const out = run(mediationCase('applied'), dispatcher, 'accept', { params: { ...ACCEPT_OK, timeLimitDays: days } })
    expect(out).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  // BUG: a zero or negative time limit is accepted and sets a deadline at or before acceptance.
  it.each([0, -5])('accept with timeLimitDays %p is refused with VALIDATION', (days) => {
    const out = run(mediationCase('applied'), dispatcher, 'accept', { params: { ...ACCEPT_OK, timeLimitDays: days } })
    expect(out).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  // BUG: empty committee / mediator ids pass acceptParams and produce a case no mediator can reach.
  it.each([
    ['an empty committee', { ...ACCEPT_OK, committee: '' }],
    ['an empty mediator', { ...ACCEPT_OK, mediatorId: ' ' }],
  ])('accept with %s is refused with VALIDATION', (_why, params) => {
    expect(run(mediationCase('applied'), dispatcher, 'accept', { params })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('joinCase', () => {
  const join = (c: Case, userId: string, secret: string, more: Partial<JoinInput> = {}) =>
    joinCase(c, { userId, secret, name: userId === RESP1_ID ? '李四' : '王五', consent: true, now: NOW, eventId: 'e', ...more })

  it('the right secret joins the respondent slot: userId set, consent recorded, respondentIds grows, a join event, version + 1, status kept', () => {
    const c = deepFreeze(freshApplication())
    const before = JSON.stringify(c)
    const out = join(c, RESP2_ID, SECRET2, { eventId: 'evt-join' })
    if (!out.ok) throw new Error(out.message)
    expect(pl(out.case).respondentIds).toEqual([RESP2_ID])
    expect(pl(out.case).parties.map((x) => x.userId)).toEqual([APPLICANT_ID, null, RESP2_ID])
    expect(pl(out.case).parties[2]).toEqual({ ...pl(c).parties[2], userId: RESP2_ID, consent: 'consented', consentAt: NOW.toISOString() })
    expect(out.case).toEqual({ ...c, payload: out.case.payload, version: c.version + 1, updatedAt: NOW.toISOString() })
    expect(out.event).toEqual({
      id: 'evt-join',
      caseId: MED_CASE_ID,
      actorId: RESP2_ID,
      actorRole: 'respondent',
      action: 'join',
      fromStatus: 'applied',
      toStatus: 'applied',
      note: null,
      attachments: [],
      at: NOW.toISOString(),
      visibility: 'internal',
    })
    expect(JSON.stringify(c)).toBe(before)
    const second = join(out.case, RESP1_ID, SECRET1, { eventId: 'evt-join-2' })
    if (!second.ok) throw new Error(second.message)
    expect(pl(second.case).respondentIds).toEqual([RESP2_ID, RESP1_ID])
    expect(second.case.version).toBe(c.version + 2)
  })

  it('a corrected name replaces the one the applicant typed and the timeline says so', () => {
    const out = join(freshApplication(), RESP1_ID, SECRET1, { name: '  黄伟明 ' })
    if (!out.ok) throw new Error(out.message)
    expect(pl(out.case).parties[1]!.name).toBe('黄伟明')
    expect(out.event.note).toBe('被申请人姓名由「李*」更正为「黄*明」')
    // The other parties keep their names.
    expect(pl(out.case).parties.map((x) => x.name)).toEqual(['张三', '黄伟明', '王五'])
  })

  it('is refused without an answer, a refusal without a reason, or without a name, and nothing changes', () => {
    const c = deepFreeze(freshApplication())
    expect(join(c, RESP1_ID, SECRET1, { consent: undefined as unknown as boolean })).toMatchObject({ ok: false, code: 'VALIDATION', details: { consent: '必填' } })
    expect(join(c, RESP1_ID, SECRET1, { consent: false })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: '必填' } })
    expect(join(c, RESP1_ID, SECRET1, { consent: false, reason: '  ' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: '必填' } })
    expect(join(c, RESP1_ID, SECRET1, { name: '  ' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { name: '必填' } })
  })

  it.each(['applied', 'accepted', 'awaiting_consent'])('refusing with a reason from %s joins and ends the case as 对方不同意调解, referred to court', (status) => {
    const c = deepFreeze(withSecondRespondent(mediationCase(status), 'pending', false))
    const out = join(c, RESP2_ID, SECRET2, { consent: false, reason: ' 已经通过物业解决 ', name: '王小五', eventId: 'evt-d' })
    if (!out.ok) throw new Error(out.message)
    expect(out.case.status).toBe('declined')
    expect(pl(out.case).referral).toEqual({ type: 'court', note: '已经通过物业解决' })
    expect(pl(out.case).parties[2]).toMatchObject({ userId: RESP2_ID, name: '王小五', consent: 'declined', consentAt: NOW.toISOString() })
    expect(pl(out.case).respondentIds).toContain(RESP2_ID)
    expect(out.event).toMatchObject({ id: 'evt-d', actorId: RESP2_ID, actorRole: 'respondent', action: 'decline', fromStatus: status, toStatus: 'declined', note: '已经通过物业解决（被申请人姓名由「王*」更正为「王*五」）' })
    // The refusing party reads the outcome; nothing is left to do on it.
    expect(canRead(tree, RESP2, out.case)).toBe(true)
    expect(run(out.case, RESP2, 'consent')).toMatchObject({ ok: false })
  })

  it('refusing once mediation is under way is refused', () => {
    const c = withSecondRespondent(mediationCase('mediating'), 'pending', false)
    expect(join(c, RESP2_ID, SECRET2, { consent: false, reason: '不同意' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it.each(['applied', 'accepted', 'mediating', 'agreement_pending'])('joining keeps the status %s', (status) => {
    const c = withSecondRespondent(mediationCase(status), 'pending', false)
    const out = join(c, RESP2_ID, SECRET2)
    expect(out).toMatchObject({ ok: true, case: { status }, event: { fromStatus: status, toStatus: status } })
  })

  it('joining while the case awaits consent starts mediation when it was the last one, and waits for the others otherwise', () => {
    const waiting = withSecondRespondent(mediationCase('awaiting_consent'), 'pending', false)
    expect(join(waiting, RESP2_ID, SECRET2)).toMatchObject({ ok: true, case: { status: 'awaiting_consent' }, event: { toStatus: 'awaiting_consent' } })
    const last = withSecondRespondent(withConsent(mediationCase('awaiting_consent'), RESP1_ID, 'consented'), 'pending', false)
    expect(join(last, RESP2_ID, SECRET2)).toMatchObject({ ok: true, case: { status: 'mediating' }, event: { fromStatus: 'awaiting_consent', toStatus: 'mediating' } })
  })

  it('once joined the respondent can read and has consented; before, they can do neither', () => {
    const c = withSecondRespondent(mediationCase('awaiting_consent'), 'pending', false)
    expect(canRead(tree, RESP2, c)).toBe(false)
    expect(run(c, RESP2, 'consent')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const joined = join(c, RESP2_ID, SECRET2)
    if (!joined.ok) throw new Error(joined.message)
    expect(canRead(tree, RESP2, joined.case)).toBe(true)
    expect(run(joined.case, RESP2, 'consent')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(ok(joined.case, RESP1, 'consent').case.status).toBe('mediating')
  })

  it('a wrong secret or a used slot is NOT_FOUND', () => {
    const c = freshApplication()
    for (const secret of ['nope', '', SECRET1.toUpperCase(), ` ${SECRET1}`]) {
      expect({ secret, code: codeOf(join(c, RESP1_ID, secret)) }).toEqual({ secret, code: 'NOT_FOUND' })
    }
    const joined = join(c, RESP1_ID, SECRET1)
    if (!joined.ok) throw new Error(joined.message)
    expect(join(joined.case, RESP2_ID, SECRET1)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(join(joined.case, 'u-stranger', SECRET1)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('the applicant cannot join their own case', () => {
    expect(join(freshApplication(), APPLICANT_ID, SECRET1)).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('joining twice is refused, also through the other slot', () => {
    const joined = join(freshApplication(), RESP1_ID, SECRET1)
    if (!joined.ok) throw new Error(joined.message)
    expect(join(joined.case, RESP1_ID, SECRET1)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(join(joined.case, RESP1_ID, SECRET2)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(pl(joined.case).parties[2]?.userId).toBeNull()
  })

  it.each(MEDIATION.terminalStatuses)('joining a %s case is refused', (status) => {
    const c = withSecondRespondent(mediationCase(status), 'pending', false)
    expect(join(c, RESP2_ID, SECRET2)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})

describe('openMediation', () => {
  it('opens an applied case at the street, version 1, with an apply event carrying the evidence', () => {
    const payload: Parameters<typeof openMediation>[0]['payload'] = {
      disputeType: 'family',
      facts: '赡养费纠纷',
      claims: '每月支付赡养费',
      evidence: ['ev-1.jpg', 'ev-2.pdf'],
      preferredWay: 'in_person',
      parties: pl(freshApplication()).parties,
    }
    const { case: c, event } = openMediation({
      id: 'med-9',
      eventId: 'evt-0',
      creatorId: APPLICANT_ID,
      idempotencyKey: 'idem-9',
      streetCode: STREET,
      now: NOW,
      payload,
    })
    const full: MediationPayload = {
      ...payload,
      respondentIds: [],
      committee: null,
      sessions: [],
      agreement: null,
      referral: null,
      judicial: null,
      ratings: {},
      remindedDays: [],
    }
    expect(c).toEqual({
      id: 'med-9',
      kind: 'mediation',
      status: 'applied',
      unitCode: STREET,
      gridCode: null,
      assigneeId: null,
      category: 'family',
      payload: full,
      creatorId: APPLICANT_ID,
      idempotencyKey: 'idem-9',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      slaDeadline: null,
      version: 1,
    })
    expect(c.status).toBe(MEDIATION.initialStatus)
    expect(event).toEqual({
      id: 'evt-0',
      caseId: 'med-9',
      actorId: APPLICANT_ID,
      actorRole: 'applicant',
      action: 'apply',
      fromStatus: null,
      toStatus: 'applied',
      note: null,
      attachments: ['ev-1.jpg', 'ev-2.pdf'],
      at: NOW.toISOString(),
      visibility: 'internal',
    })
    // The attachments are a copy, not the payload's own array.
    expect(event.attachments).not.toBe(payload.evidence)
    // The street centre reaches it; the applicant reads it; another street does not.
    expect(canRead(tree, actor('u-dispatcher', grant('dispatcher', STREET)), c)).toBe(true)
    expect(canRead(tree, APPLICANT, c)).toBe(true)
    expect(canRead(tree, actor('u-disp-b', grant('dispatcher', STREET_B)), c)).toBe(false)
  })
})

describe('a whole mediation, apply to rating', () => {
  it('each move bumps the version and ends succeeded', () => {
    const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))
    let c = openMediation({
      id: MED_CASE_ID,
      eventId: 'e0',
      creatorId: APPLICANT_ID,
      idempotencyKey: 'k',
      streetCode: STREET,
      now: NOW,
      payload: { disputeType: 'neighbour', facts: 'f', claims: 'c', evidence: [], preferredWay: 'online', parties: pl(freshApplication()).parties },
    }).case
    // RESP1 joins (and so consents) before the mediator invites; RESP2 only after.
    const j1 = joinCase(c, { userId: RESP1_ID, secret: SECRET1, name: '李四', consent: true, now: NOW, eventId: 'j1' })
    if (!j1.ok) throw new Error(j1.message)
    c = j1.case
    type Step = [Actor, string, Scenario, string] | 'RESP2 joins'
    const steps: Step[] = [
      [dispatcher, 'accept', { params: ACCEPT_OK }, 'accepted'],
      [MEDIATOR, 'invite', {}, 'awaiting_consent'],
      // The last consent, given by joining, starts mediation.
      'RESP2 joins',
      [MEDIATOR, 'schedule', { params: { session: SESSION_OK } }, 'mediating'],
      [MEDIATOR, 'draft_agreement', { params: { text: 't', terms: ['a'] } }, 'agreement_pending'],
      [APPLICANT, 'confirm_agreement', { params: { agreementVersion: 1 } }, 'agreement_pending'],
      [RESP1, 'confirm_agreement', { params: { agreementVersion: 1 } }, 'agreement_pending'],
      [RESP2, 'confirm_agreement', { params: { agreementVersion: 1 } }, 'succeeded'],
      [MEDIATOR, 'prepare_judicial', { params: { court: '法院' } }, 'succeeded'],
      [RESP2, 'confirm_judicial', {}, 'succeeded'],
      [APPLICANT, 'confirm_judicial', {}, 'succeeded'],
      [RESP1, 'confirm_judicial', {}, 'succeeded'],
      [APPLICANT, 'rate', { params: { rating: 5 } }, 'succeeded'],
    ]
    for (const step of steps) {
      if (step === 'RESP2 joins') {
        const j2 = joinCase(c, { userId: RESP2_ID, secret: SECRET2, name: '王五', consent: true, now: NOW, eventId: 'j2' })
        if (!j2.ok) throw new Error(j2.message)
        expect({ status: j2.case.status, version: j2.case.version }).toEqual({ status: 'mediating', version: c.version + 1 })
        c = j2.case
        continue
      }
      const [a, action, s, to] = step
      const out = ok(c, a, action, s, { expectedVersion: c.version })
      expect({ action, status: out.case.status, version: out.case.version }).toEqual({ action, status: to, version: c.version + 1 })
      c = out.case
    }
    expect(c.version).toBe(2 + steps.length)
    expect(run(c, MEDIATOR, 'fail', { note: 'x', params: { referral: 'court' } })).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
  })
})

describe('refusals outside the table', () => {
  const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))

  it.each(['apply', 'join', 'fly', '', 'toString', 'constructor', '__proto__'])('action %j is not a transition → VALIDATION', (action) => {
    const out = run(mediationCase('applied'), dispatcher, action)
    expect(out).toMatchObject({ ok: false, code: 'VALIDATION' })
    if (!out.ok) expect(out.message).not.toMatch(/function|\[object/)
  })

  it('an actor posing as the system by user id is not the system', () => {
    const c = { ...mediationCase('mediating'), slaDeadline: daysFromNow(-1) }
    expect(run(c, actor('system'), 'mark_overdue')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(c, { ...SYSTEM_ACTOR }, 'mark_overdue')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
