import type { Case } from '../../src/core/case'
import { isTerminal, transition, type TransitionInput } from '../../src/core/transition'
import { MODERATION_ACTIONS, moderationOf, openReport, REPORT, REPORT_CONFIRM_WINDOW_DAYS, type ReportModeration, type ReportPayload } from '../../src/core/kinds/report'
import { KINDS, statusLabel } from '../../src/core/kinds'
import { ROLES, SYSTEM_ACTOR, type Actor, type ActorRole } from '../../src/core/roles'
import { canRead, grantCovers } from '../../src/core/scope'
import type { ErrorCode } from '../../src/core/outcome'
import {
  actor,
  COMMUNITY,
  COMMUNITY_B,
  deepFreeze,
  DEPT,
  GRID1,
  GRID2,
  GRID_B,
  grant,
  makeTree,
  NOW,
  reportCase,
  RESIDENT_ID,
  STREET,
  STREET_B,
} from './fixtures'
import { commandInput, expectAllowedMove, expectExplained, expectOutOfScopeActors, expectStaleVersionRefused, fromFor, rolesFor, ruleName } from './transitionKit'

const tree = makeTree()
const DAY = 24 * 3600 * 1000
const STATUSES = Object.keys(REPORT.statusLabels)
const ALL_ROLES: readonly ActorRole[] = [...ROLES, 'system']
/** Roles the report kind's scope rule never reaches, whatever the grant. */
const REPORT_UNREACHED: readonly ActorRole[] = ['mediator', 'building_manager', 'police']

function daysAgo(days: number, extraMs = 0): string {
  return new Date(NOW.getTime() - days * DAY - extraMs).toISOString()
}

/** A case sitting in `status`, with the history that status implies. */
function caseAt(status: string, payload: Partial<ReportPayload> = {}): Case {
  const resolved = status === 'resolved' || status === 'closed'
  return reportCase({ status }, { ...(resolved ? { resolvedAt: daysAgo(1) } : {}), ...payload })
}

/** Actors whose grant of the role covers the fixture case (grid 1, street 1, department DEPT, created by RESIDENT_ID). */
function coveringActors(role: ActorRole, c: Case): Actor[] {
  switch (role) {
    case 'helper':
      // A helper reaches only cases they were invited into; these fixtures invite nobody.
      return []
    case 'proxy_agent':
      // A 代办员 reaches only the cases they filed for someone; these fixtures were filed by nobody's proxy.
      return []
    case 'system':
      return [SYSTEM_ACTOR]
    case 'partner':
      // An outside system only creates cases (createOnce); no transition row names it.
      return []
    case 'resident':
    case 'tenant':
      return [actor(c.creatorId, grant(role, GRID1))]
    case 'grid_worker':
      // The case's own grid and each ancestor above it.
      return [GRID1, COMMUNITY, STREET].map((u) => actor(`u-gw-${u}`, grant('grid_worker', u)))
    case 'dispatcher':
    case 'admin':
      return [actor(`u-${role}`, grant(role, STREET))]
    case 'police':
      // Police cover no report, whatever the area (scope.ts: registrations, misuse disputes and
      // mediation cases referred to them only).
      return []
    case 'department':
      return [actor('u-dept', grant('department', STREET, DEPT))]
    case 'building_manager':
      // Covers only cases assigned to it; see withAssignee below.
      return [actor(`u-${role}`, grant(role, GRID1))]
    case 'mediator':
      // Covers cases of its committee; see withAssignee below.
      return [actor(`u-${role}`, { role, unitCode: STREET, committee: 'people' })]
    case 'applicant':
    case 'respondent':
      // Case-relative mediation roles; reports have none.
      return []
  }
}

/** Actors holding the role but not covering the fixture case. */
const OUT_OF_SCOPE: Partial<Record<ActorRole, { why: string; actor: Actor }[]>> = {
  resident: [{ why: 'another resident', actor: actor('u-neighbour', grant('resident', GRID1)) }],
  grid_worker: [
    { why: 'the sibling grid', actor: actor('u-gw2', grant('grid_worker', GRID2)) },
    { why: 'a grid of another street', actor: actor('u-gwb', grant('grid_worker', GRID_B)) },
    { why: 'a community of another street', actor: actor('u-gwcb', grant('grid_worker', COMMUNITY_B)) },
  ],
  dispatcher: [{ why: 'another street', actor: actor('u-disp-b', grant('dispatcher', STREET_B)) }],
  department: [
    { why: 'a different department', actor: actor('u-dept-zj', grant('department', STREET, 'zhujian')) },
    { why: 'the right department of another street', actor: actor('u-dept-b', grant('department', STREET_B, DEPT)) },
    { why: 'a department grant without a department', actor: actor('u-dept-none', grant('department', STREET)) },
  ],
}

interface Scenario {
  params?: Record<string, unknown>
  note?: string
  attachments?: string[]
  /** Adjusts the case before the move (e.g. how long ago it was resolved). */
  prepare?: (c: Case) => Case
}

function withPayload(c: Case, p: Partial<ReportPayload>): Case {
  return { ...c, payload: { ...c.payload, ...p } }
}

/** A valid command for every action in the table; a new row without an entry here fails the suite. */
const VALID: Record<string, Scenario> = {
  accept: { params: { slaHours: 48 } },
  assign: { params: { assigneeId: 'u-gw-assignee', department: DEPT } },
  start: {},
  resolve: { note: '杂物已清理', attachments: ['after-1.jpg', 'after-2.jpg'] },
  confirm: { params: { rating: 4, comment: '处理及时' } },
  reopen: { note: '杂物又堆回来了', prepare: (c) => withPayload(c, { resolvedAt: daysAgo(1) }) },
  auto_close: { prepare: (c) => withPayload(c, { resolvedAt: daysAgo(8) }) },
  follow_up: { params: { satisfaction: 'basically_satisfied' }, note: '来电人表示基本满意', prepare: fromHotline },
  reject: { note: '不属于受理范围' },
  merge: { params: { targetCaseId: 'case-0' } },
  escalate: { params: { toUnitCode: STREET }, note: '需街道协调' },
  mark_overdue: { prepare: (c) => ({ ...c, slaDeadline: daysAgo(1) }) },
  note: { note: '已电话联系居民，约定明早上门' },
  to_mediation: { note: '已电话征得报事人同意', params: { mediation: { kind: 'mediation', caseId: 'case-m', number: '京溪-2026-00042' }, mediable: true } },
  publish_description: { params: { moderation: { textSuggest: 'pass' } } },
  hide_description: { note: '含个人信息', params: { moderation: {} } },
  redact_description: { note: '含门牌号', params: { moderation: { text: '楼道堆放杂物', textSuggest: 'pass' } } },
  publish_photo: { attachments: ['before-1.jpg'], params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-1' } } },
  hide_photo: { note: '人脸', attachments: ['before-1.jpg'], params: { moderation: { fileId: 'before-1.jpg' } } },
  hide_report: { note: '涉及隐私', params: { moderation: {} } },
  unhide_report: { params: { moderation: {} }, prepare: (c) => withModeration(c, { hidden: true }) },
  photo_check_pass: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-1' } }, prepare: checking },
  photo_check_risky: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-1' } }, prepare: checking },
  photo_check_review: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-1' } }, prepare: checking },
}

/** A 12345 work order (hotline/order.ts): the only reports a 回访 is recorded on. */
function fromHotline(c: Case): Case {
  return withPayload(c, { source: { channel: 'hotline', partnerId: 'HL01', partnerName: '广州市12345热线', ticket: 'GZ-1' } })
}

function withModeration(c: Case, m: Partial<ReportModeration>): Case {
  return withPayload(c, { moderation: { ...moderationOf(c.payload as ReportPayload), ...m } })
}

/** The photo sent for its image check under trace-1. */
function checking(c: Case): Case {
  return withModeration(c, { checking: { 'before-1.jpg': 'trace-1' } })
}

/** A moderation row's refusals: through cases.act (no moderation params) and its own guards. */
const notThroughAct = (s: Scenario): GuardFailure => ({ why: 'no moderation params (cases.act)', code: 'VALIDATION', scenario: { ...s, params: {} } })

interface GuardFailure {
  why: string
  code: ErrorCode
  scenario: Scenario
  detailKey?: string
  /** The roles the refusal applies to; all of the rule's roles when omitted. */
  roles?: readonly ActorRole[]
}

/** Every guard's failures; each rule with a guard must have at least one. */
const GUARD_FAILURES: Record<string, GuardFailure[]> = {
  accept: [{ why: 'a grid worker once the case sits above the grid', code: 'FORBIDDEN', roles: ['grid_worker'], scenario: { prepare: (c) => ({ ...c, unitCode: STREET }) } }],
  start: [{ why: 'a grid worker once the case sits above the grid', code: 'FORBIDDEN', roles: ['grid_worker'], scenario: { prepare: (c) => ({ ...c, unitCode: STREET }) } }],
  assign: [
    { why: 'no assignee or department', code: 'VALIDATION', scenario: { params: {} }, detailKey: 'assignee' },
    { why: 'no params at all', code: 'VALIDATION', scenario: {}, detailKey: 'assignee' },
    { why: 'a non-string assignee', code: 'VALIDATION', scenario: { params: { assigneeId: 42 } }, detailKey: 'assignee' },
  ],
  resolve: [
    {
      why: 'a grid worker once the case sits above the grid',
      code: 'FORBIDDEN',
      roles: ['grid_worker'],
      scenario: { note: '已处理', attachments: ['after-1.jpg'], prepare: (c) => ({ ...c, unitCode: STREET }) },
    },
    { why: 'no note', code: 'VALIDATION', scenario: { attachments: ['after-1.jpg'] }, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: '  \n ', attachments: ['after-1.jpg'] }, detailKey: 'note' },
    { why: 'no after-photos', code: 'VALIDATION', scenario: { note: '已处理' }, detailKey: 'attachments' },
    { why: 'an empty photo list', code: 'VALIDATION', scenario: { note: '已处理', attachments: [] }, detailKey: 'attachments' },
  ],
  confirm: [
    { why: 'no rating', code: 'VALIDATION', scenario: { params: {} }, detailKey: 'rating' },
    { why: 'rating 0', code: 'VALIDATION', scenario: { params: { rating: 0 } }, detailKey: 'rating' },
    { why: 'rating 6', code: 'VALIDATION', scenario: { params: { rating: 6 } }, detailKey: 'rating' },
    { why: 'rating 2.5', code: 'VALIDATION', scenario: { params: { rating: 2.5 } }, detailKey: 'rating' },
    { why: 'rating as a string', code: 'VALIDATION', scenario: { params: { rating: '5' } }, detailKey: 'rating' },
    { why: 'rating NaN', code: 'VALIDATION', scenario: { params: { rating: Number.NaN } }, detailKey: 'rating' },
  ],
  reopen: [
    {
      why: 'no note',
      code: 'VALIDATION',
      scenario: { prepare: (c) => withPayload(c, { resolvedAt: daysAgo(1) }) },
      detailKey: 'note',
    },
    {
      why: 'resolved 7 days and 1 ms ago',
      code: 'ILLEGAL_TRANSITION',
      scenario: { note: '没修好', prepare: (c) => withPayload(c, { resolvedAt: daysAgo(REPORT_CONFIRM_WINDOW_DAYS, 1) }) },
    },
    {
      why: 'resolved 30 days ago',
      code: 'ILLEGAL_TRANSITION',
      scenario: { note: '没修好', prepare: (c) => withPayload(c, { resolvedAt: daysAgo(30) }) },
    },
    {
      why: 'no resolvedAt and last updated 8 days ago',
      code: 'ILLEGAL_TRANSITION',
      scenario: {
        note: '没修好',
        prepare: (c) => ({ ...withPayload(c, { resolvedAt: undefined }), updatedAt: daysAgo(8) }),
      },
    },
  ],
  auto_close: [
    { why: 'resolved 1 day ago', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => withPayload(c, { resolvedAt: daysAgo(1) }) } },
    {
      why: 'resolved exactly 7 days ago',
      code: 'ILLEGAL_TRANSITION',
      scenario: { prepare: (c) => withPayload(c, { resolvedAt: daysAgo(REPORT_CONFIRM_WINDOW_DAYS) }) },
    },
  ],
  follow_up: [
    { why: 'a report filed in the app (its reporter rates it)', code: 'ILLEGAL_TRANSITION', scenario: { params: { satisfaction: 'satisfied' } } },
    { why: 'an Open311 report', code: 'ILLEGAL_TRANSITION', scenario: { params: { satisfaction: 'satisfied' }, prepare: (c) => withPayload(c, { source: { channel: 'open311', partnerId: 'O1', partnerName: '市平台' } }) } },
    { why: 'a 回访 already recorded', code: 'ILLEGAL_TRANSITION', scenario: { params: { satisfaction: 'satisfied' }, prepare: (c) => withPayload(fromHotline(c), { followUp: { satisfaction: 'unsatisfied', at: daysAgo(1) } }) } },
    { why: 'no satisfaction', code: 'VALIDATION', scenario: { params: {}, prepare: fromHotline }, detailKey: 'satisfaction' },
    { why: 'a satisfaction not on the list', code: 'VALIDATION', scenario: { params: { satisfaction: 'great' }, prepare: fromHotline }, detailKey: 'satisfaction' },
    {
      why: 'a grid worker once the case sits above the grid',
      code: 'FORBIDDEN',
      roles: ['grid_worker'],
      scenario: { params: { satisfaction: 'satisfied' }, prepare: (c) => ({ ...fromHotline(c), unitCode: STREET }) },
    },
  ],
  reject: [
    { why: 'no note', code: 'VALIDATION', scenario: {}, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: '   ' }, detailKey: 'note' },
  ],
  note: [
    { why: 'no note', code: 'VALIDATION', scenario: {}, detailKey: 'note' },
    { why: 'a blank note', code: 'VALIDATION', scenario: { note: '   ' }, detailKey: 'note' },
  ],
  to_mediation: [
    { why: 'no mediation case to link (a bare cases.act)', code: 'VALIDATION', scenario: { note: '同意', params: { mediable: true } }, detailKey: 'mediation' },
    { why: 'a link to a case of another kind', code: 'VALIDATION', scenario: { note: '同意', params: { mediation: { kind: 'report', caseId: 'case-2' }, mediable: true } }, detailKey: 'mediation' },
    { why: 'a category not marked mediable', code: 'VALIDATION', scenario: { note: '同意', params: { mediation: { kind: 'mediation', caseId: 'case-m' }, mediable: false } }, detailKey: 'category' },
    { why: 'no note of the consent', code: 'VALIDATION', scenario: { params: { mediation: { kind: 'mediation', caseId: 'case-m' }, mediable: true } }, detailKey: 'note' },
    {
      why: 'a grid worker once the case sits above the grid',
      code: 'FORBIDDEN',
      roles: ['grid_worker'],
      scenario: { note: '同意', params: { mediation: { kind: 'mediation', caseId: 'case-m' }, mediable: true }, prepare: (c) => ({ ...c, unitCode: STREET }) },
    },
  ],
  merge: [
    { why: 'no target', code: 'VALIDATION', scenario: { params: {} }, detailKey: 'targetCaseId' },
    { why: 'a target equal to itself', code: 'VALIDATION', scenario: { params: { targetCaseId: 'case-1' } }, detailKey: 'targetCaseId' },
    { why: 'a non-string target', code: 'VALIDATION', scenario: { params: { targetCaseId: 7 } }, detailKey: 'targetCaseId' },
  ],
  mark_overdue: [
    { why: 'no deadline', code: 'ILLEGAL_TRANSITION', scenario: {} },
    { why: 'deadline still ahead', code: 'ILLEGAL_TRANSITION', scenario: { prepare: (c) => ({ ...c, slaDeadline: new Date(NOW.getTime() + 3600_000).toISOString() }) } },
    {
      why: 'already marked overdue',
      code: 'ILLEGAL_TRANSITION',
      scenario: { prepare: (c) => ({ ...withPayload(c, { overdueSince: daysAgo(1) }), slaDeadline: daysAgo(2) }) },
    },
  ],
  escalate: [
    { why: 'no toUnitCode', code: 'VALIDATION', scenario: { params: {} } },
    { why: 'a non-string toUnitCode', code: 'VALIDATION', scenario: { params: { toUnitCode: 440111010 } } },
  ],
  publish_description: [
    notThroughAct({}),
    { why: 'text WeChat marks risky', code: 'VALIDATION', scenario: { params: { moderation: { textSuggest: 'risky' } } }, detailKey: 'text' },
    { why: 'text WeChat wants reviewed', code: 'VALIDATION', scenario: { params: { moderation: { textSuggest: 'review' } } }, detailKey: 'text' },
    { why: 'text never checked', code: 'VALIDATION', scenario: { params: { moderation: {} } }, detailKey: 'text' },
    { why: 'an already published description', code: 'ILLEGAL_TRANSITION', scenario: { params: { moderation: { textSuggest: 'pass' } }, prepare: (c) => withModeration(c, { description: 'published' }) } },
  ],
  hide_description: [
    notThroughAct({ note: '含个人信息' }),
    { why: 'no reason', code: 'VALIDATION', scenario: { params: { moderation: {} } }, detailKey: 'reason' },
    { why: 'an already hidden description', code: 'ILLEGAL_TRANSITION', scenario: { note: 'x', params: { moderation: {} }, prepare: (c) => withModeration(c, { description: 'hidden' }) } },
  ],
  redact_description: [
    notThroughAct({ note: '含门牌号' }),
    { why: 'no reason', code: 'VALIDATION', scenario: { params: { moderation: { text: '楼道堆放杂物', textSuggest: 'pass' } } }, detailKey: 'reason' },
    { why: 'no text', code: 'VALIDATION', scenario: { note: '含门牌号', params: { moderation: { textSuggest: 'pass' } } }, detailKey: 'text' },
    { why: 'a blank text', code: 'VALIDATION', scenario: { note: '含门牌号', params: { moderation: { text: '  ', textSuggest: 'pass' } } }, detailKey: 'text' },
    { why: 'a redaction WeChat marks risky', code: 'VALIDATION', scenario: { note: '含门牌号', params: { moderation: { text: '楼道', textSuggest: 'risky' } } }, detailKey: 'text' },
  ],
  publish_photo: [
    notThroughAct({}),
    { why: 'a photo of another report', code: 'VALIDATION', scenario: { params: { moderation: { fileId: 'other.jpg', traceId: 'trace-1' } } }, detailKey: 'fileId' },
    { why: 'no image check started', code: 'VALIDATION', scenario: { params: { moderation: { fileId: 'before-1.jpg' } } } },
    { why: 'a check already running', code: 'ILLEGAL_TRANSITION', scenario: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-2' } }, prepare: checking } },
    { why: 'an already published photo', code: 'ILLEGAL_TRANSITION', scenario: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-2' } }, prepare: (c) => withModeration(c, { photos: { 'before-1.jpg': 'published' } }) } },
  ],
  hide_photo: [
    notThroughAct({ note: '人脸' }),
    { why: 'no reason', code: 'VALIDATION', scenario: { params: { moderation: { fileId: 'before-1.jpg' } } }, detailKey: 'reason' },
    { why: 'a photo of another report', code: 'VALIDATION', scenario: { note: '人脸', params: { moderation: { fileId: 'other.jpg' } } }, detailKey: 'fileId' },
    { why: 'an already hidden photo', code: 'ILLEGAL_TRANSITION', scenario: { note: '人脸', params: { moderation: { fileId: 'before-1.jpg' } }, prepare: (c) => withModeration(c, { photos: { 'before-1.jpg': 'hidden' } }) } },
  ],
  hide_report: [
    notThroughAct({ note: '涉及隐私' }),
    { why: 'no reason', code: 'VALIDATION', scenario: { params: { moderation: {} } }, detailKey: 'reason' },
    { why: 'an already hidden report', code: 'ILLEGAL_TRANSITION', scenario: { note: 'x', params: { moderation: {} }, prepare: (c) => withModeration(c, { hidden: true }) } },
  ],
  unhide_report: [notThroughAct({ prepare: (c) => withModeration(c, { hidden: true }) }), { why: 'a report not hidden', code: 'ILLEGAL_TRANSITION', scenario: { params: { moderation: {} } } }],
  ...Object.fromEntries(
    ['photo_check_pass', 'photo_check_risky', 'photo_check_review'].map((action) => [
      action,
      [
        notThroughAct({ prepare: checking }),
        { why: 'no check running', code: 'ILLEGAL_TRANSITION', scenario: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-1' } } } },
        { why: 'another trace id (an older check)', code: 'ILLEGAL_TRANSITION', scenario: { params: { moderation: { fileId: 'before-1.jpg', traceId: 'trace-0' } }, prepare: checking } },
      ] satisfies GuardFailure[],
    ]),
  ),
}

const input = commandInput

function prepared(status: string, s: Scenario): Case {
  const c = caseAt(status)
  return s.prepare ? s.prepare(c) : c
}

/** building_manager / mediator only cover a case assigned to them. */
function withAssignee(c: Case, a: Actor, role: ActorRole): Case {
  if (role === 'mediator') return { ...c, assigneeId: a.userId, payload: { ...c.payload, committee: 'people' } }
  return role === 'building_manager' ? { ...c, assigneeId: a.userId } : c
}

describe('report transition table', () => {
  it('is well-formed: known statuses, labelled actions, no exits from terminal statuses', () => {
    expect(REPORT.rules.length).toBeGreaterThan(0)
    expect(STATUSES).toContain(REPORT.initialStatus)
    for (const r of REPORT.rules) {
      expect(REPORT.actionLabels[r.action]).toEqual(expect.any(String))
      for (const f of r.from) expect(STATUSES).toContain(f)
      if (r.to !== undefined) expect(STATUSES).toContain(r.to)
      expect(r.roles.length).toBeGreaterThan(0)
      // Rows without `to` (moderation) record an event and move nothing, so they may follow a terminal status.
      if (r.to !== undefined) for (const f of r.from) expect(isTerminal(REPORT, f)).toBe(false)
    }
    for (const t of REPORT.terminalStatuses) {
      expect(STATUSES).toContain(t)
      expect(isTerminal(REPORT, t)).toBe(true)
    }
    expect(isTerminal(REPORT, 'submitted')).toBe(false)
  })

  it('has a valid scenario for every action and a failure for every guard', () => {
    for (const r of REPORT.rules) {
      expect({ action: r.action, hasValid: r.action in VALID }).toEqual({ action: r.action, hasValid: true })
      if (r.guard) {
        expect({ action: r.action, failures: (GUARD_FAILURES[r.action] ?? []).length > 0 }).toEqual({
          action: r.action,
          failures: true,
        })
      }
    }
  })

  it('has an out-of-scope actor for every person role that appears in the table', () => {
    expectOutOfScopeActors(REPORT, OUT_OF_SCOPE)
  })

  it('is the kind registered for report', () => {
    expect(KINDS.report).toBe(REPORT)
    expect(statusLabel('report', 'resolved')).toBe('已办结')
    expect(statusLabel('report', 'no_such_status')).toBe('no_such_status')
  })
})

describe('who may do what (pinned from the domain page)', () => {
  // The table drives the tests above; this pins its governance meaning so a widened row is noticed.

  it.each<[string, string[], string[]]>([
    ['accept', ['department', 'dispatcher', 'grid_worker'], ['submitted']],
    ['assign', ['dispatcher'], ['accepted', 'assigned', 'in_progress', 'submitted']],
    ['start', ['department', 'grid_worker'], ['accepted', 'assigned']],
    ['resolve', ['department', 'grid_worker'], ['accepted', 'assigned', 'in_progress']],
    ['confirm', ['resident'], ['resolved']],
    ['reopen', ['resident'], ['resolved']],
    ['auto_close', ['system'], ['resolved']],
    ['follow_up', ['department', 'dispatcher', 'grid_worker'], ['closed', 'resolved']],
    ['reject', ['dispatcher'], ['accepted', 'submitted']],
    ['merge', ['dispatcher'], ['accepted', 'submitted']],
    ['escalate', ['dispatcher', 'grid_worker', 'system'], ['accepted', 'assigned', 'in_progress', 'submitted']],
    ['mark_overdue', ['system'], ['accepted', 'assigned', 'in_progress', 'submitted']],
    ['note', ['department', 'dispatcher', 'grid_worker'], ['accepted', 'assigned', 'in_progress', 'submitted']],
    ...['publish_description', 'hide_description', 'redact_description', 'publish_photo', 'hide_photo', 'hide_report', 'unhide_report'].map((a): [string, string[], string[]] => [a, ['dispatcher', 'grid_worker'], [...STATUSES].sort()]),
    ...['photo_check_pass', 'photo_check_risky', 'photo_check_review'].map((a): [string, string[], string[]] => [a, ['system'], [...STATUSES].sort()]),
  ])('%s: roles %j from %j', (action, roles, from) => {
    expect(rolesFor(REPORT, action)).toEqual(roles)
    expect(fromFor(REPORT, action)).toEqual(from)
  })

  it('handlers never rate or reopen their own work; residents never handle', () => {
    for (const r of REPORT.rules) {
      if (['confirm', 'reopen'].includes(r.action)) expect(r.roles).toEqual(['resident'])
      if (r.roles.includes('resident')) expect(['confirm', 'reopen']).toContain(r.action)
    }
  })
})

describe.each(REPORT.rules.map((r) => [ruleName(r), r] as const))('rule %s', (_name, rule) => {
  const valid = VALID[rule.action] ?? {}

  describe('allowed', () => {
    for (const from of rule.from) {
      for (const role of rule.roles) {
        it(`from ${from} as ${role}`, () => {
          for (const a of coveringActors(role, caseAt(from))) {
            const c = deepFreeze(withAssignee(prepared(from, valid), a, role))
            const inp = deepFreeze(input(a, rule.action, valid, { expectedVersion: c.version }))
            // Identity and provenance never change on a move.
            expectAllowedMove(REPORT, tree, c, inp, { role, rule, from, caseId: c.id, s: valid, kept: ['id', 'kind', 'creatorId', 'createdAt', 'category', 'idempotencyKey', 'gridCode'] })
          }
        })
      }
    }
  })

  it('refuses every status outside `from` with ILLEGAL_TRANSITION', () => {
    const others = STATUSES.filter((s) => !REPORT.rules.some((r) => r.action === rule.action && r.from.includes(s)))
    for (const status of others) {
      const role = rule.roles[0]
      const a = coveringActors(role, caseAt(status))[0]
      const out = transition(REPORT, tree, withAssignee(prepared(status, valid), a, role), input(a, rule.action, valid))
      expect({ status, ok: out.ok, code: out.ok ? null : out.code }).toEqual({ status, ok: false, code: 'ILLEGAL_TRANSITION' })
    }
  })

  const outsiders = ALL_ROLES.filter((r) => !rule.roles.includes(r))
  if (outsiders.length > 0) {
    it.each(outsiders)('refuses role %s (holding a covering grant) with FORBIDDEN', (role) => {
      for (const from of rule.from) {
        for (const a of coveringActors(role, caseAt(from))) {
          const c = withAssignee(prepared(from, valid), a, role)
          // Where the report's scope reaches the role, the grant really covers the case: refusal is
          // about the role, not the scope. Its scope names no committee, building manager or police.
          if (role !== 'system') expect(a.grants.every((g) => grantCovers(tree, g, a, c))).toBe(!REPORT_UNREACHED.includes(role))
          const out = transition(REPORT, tree, c, input(a, rule.action, valid))
          expect({ from, ok: out.ok, code: out.ok ? null : out.code }).toEqual({ from, ok: false, code: 'FORBIDDEN' })
        }
      }
    })
  }

  const scoped = rule.roles.filter((r) => r !== 'system')
  if (scoped.length > 0) {
    it.each(scoped)('refuses role %s out of scope with FORBIDDEN', (role) => {
      const list = OUT_OF_SCOPE[role] ?? []
      expect(list.length).toBeGreaterThan(0)
      for (const from of rule.from) {
        for (const { why, actor: a } of list) {
          const c = prepared(from, valid)
          expect(canRead(tree, a, c)).toBe(false)
          const out = transition(REPORT, tree, c, input(a, rule.action, valid))
          expect({ from, why, ok: out.ok, code: out.ok ? null : out.code }).toEqual({ from, why, ok: false, code: 'FORBIDDEN' })
        }
      }
    })
  }

  const failures = GUARD_FAILURES[rule.action] ?? []
  if (failures.length > 0) {
    it.each(failures.map((f) => [f.why, f] as const))('refuses %s', (_why, f) => {
      for (const from of rule.from) {
        for (const role of rule.roles.filter((r) => !f.roles || f.roles.includes(r))) {
          const a = coveringActors(role, caseAt(from))[0]
          const c = withAssignee(prepared(from, f.scenario), a, role)
          const out = transition(REPORT, tree, c, input(a, rule.action, f.scenario))
          expect({ from, role, ok: out.ok, code: out.ok ? null : out.code }).toEqual({ from, role, ok: false, code: f.code })
          expectExplained(out, f.detailKey)
        }
      }
    })
  }

  it('refuses a stale expectedVersion with CONFLICT (retryable)', () => {
    for (const from of rule.from) {
      const role = rule.roles[0]
      const a = coveringActors(role, caseAt(from))[0]
      const c = withAssignee(prepared(from, valid), a, role)
      expectStaleVersionRefused(REPORT, tree, c, a, rule.action, valid)
    }
  })
})

describe('refusals outside the table', () => {
  const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))

  it.each(['fly', 'submit', '', 'toString', 'constructor', '__proto__'])('unknown action %j → VALIDATION', (action) => {
    const out = transition(REPORT, tree, caseAt('submitted'), input(dispatcher, action))
    expect(out).toMatchObject({ ok: false, code: 'VALIDATION' })
    if (!out.ok) expect(out.message).not.toMatch(/function|\[object/)
  })

  it('unknown status label does not leak Object.prototype members', () => {
    const out = transition(REPORT, tree, caseAt('constructor'), input(dispatcher, 'accept'))
    expect(out).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    if (!out.ok) expect(out.message).not.toMatch(/function/)
    expect(statusLabel('report', 'constructor')).toBe('constructor')
  })

  it('a department grant without a department never covers, even a case without one', () => {
    const c = reportCase({ status: 'submitted' }, { department: undefined })
    const a = actor('u-dept-none', grant('department', STREET))
    expect(canRead(tree, a, c)).toBe(false)
    expect(transition(REPORT, tree, c, input(a, 'accept'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // …while the right department, once assigned, does.
    const assigned = reportCase({ status: 'assigned' }, { department: 'zhujian' })
    expect(transition(REPORT, tree, assigned, input(actor('u-zj', grant('department', STREET, 'zhujian')), 'start')).ok).toBe(true)
  })

  it('an actor with no grants is refused', () => {
    const out = transition(REPORT, tree, caseAt('submitted'), input(actor('u-nobody'), 'accept'))
    expect(out).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('system cannot act where the row does not list it, even though it skips scope', () => {
    const out = transition(REPORT, tree, caseAt('resolved'), input(SYSTEM_ACTOR, 'reopen', { note: 'x' }))
    expect(out).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('patches', () => {
  const gw = actor('u-gw', grant('grid_worker', GRID1))
  const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))
  const resident = actor(RESIDENT_ID, grant('resident', GRID1))

  function ok(c: Case, inp: TransitionInput) {
    const out = transition(REPORT, tree, c, inp)
    if (!out.ok) throw new Error(`${out.code} ${out.message}`)
    return out
  }

  it('accept sets slaDeadline = now + slaHours', () => {
    const out = ok(caseAt('submitted'), input(gw, 'accept', { params: { slaHours: 48 } }))
    expect(out.case.slaDeadline).toBe(new Date(NOW.getTime() + 48 * 3600 * 1000).toISOString())
    const half = ok(caseAt('submitted'), input(gw, 'accept', { params: { slaHours: 1.5 } }))
    expect(half.case.slaDeadline).toBe('2026-11-23T09:30:00.000Z')
  })

  it('accept without a usable slaHours leaves slaDeadline alone', () => {
    for (const params of [undefined, {}, { slaHours: 0 }, { slaHours: -4 }, { slaHours: '24' }]) {
      expect(ok(caseAt('submitted'), input(gw, 'accept', { params })).case.slaDeadline).toBeNull()
    }
  })

  it('assign sets assigneeId and department', () => {
    const out = ok(caseAt('accepted'), input(dispatcher, 'assign', { params: { assigneeId: 'u-gw-9', department: 'zhujian' } }))
    expect(out.case.assigneeId).toBe('u-gw-9')
    expect((out.case.payload as ReportPayload).department).toBe('zhujian')
    expect((out.case.payload as ReportPayload).description).toBe('楼道堆放杂物')
  })

  it('assign to a person only clears the department; to a department only clears the assignee', () => {
    const toPerson = ok(reportCase({ status: 'assigned', assigneeId: 'u-old' }), input(dispatcher, 'assign', { params: { assigneeId: 'u-gw-9' } }))
    expect(toPerson.case.assigneeId).toBe('u-gw-9')
    expect((toPerson.case.payload as ReportPayload).department).toBeUndefined()
    const toDept = ok(reportCase({ status: 'assigned', assigneeId: 'u-old' }), input(dispatcher, 'assign', { params: { department: 'zhujian' } }))
    expect(toDept.case.assigneeId).toBeNull()
    expect((toDept.case.payload as ReportPayload).department).toBe('zhujian')
  })

  it('after assignment to another department the old department loses the case and the new one gains it', () => {
    const out = ok(caseAt('accepted'), input(dispatcher, 'assign', { params: { department: 'zhujian' } }))
    const oldDept = actor('u-dept', grant('department', STREET, DEPT))
    const newDept = actor('u-zj', grant('department', STREET, 'zhujian'))
    expect(transition(REPORT, tree, out.case, input(oldDept, 'start'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(transition(REPORT, tree, out.case, input(newDept, 'start'))).toMatchObject({ ok: true, role: 'department' })
  })

  it('resolve records payload.resolvedAt and keeps the rest of the payload', () => {
    const out = ok(caseAt('in_progress'), input(gw, 'resolve', { note: '  已清理  ', attachments: ['a.jpg'] }))
    const p = out.case.payload as ReportPayload
    expect(p.resolvedAt).toBe(NOW.toISOString())
    expect(p.photos).toEqual(['before-1.jpg'])
    expect(p.department).toBe(DEPT)
    expect(out.event.note).toBe('已清理')
    expect(out.event.attachments).toEqual(['a.jpg'])
  })

  it('confirm records rating and comment', () => {
    const out = ok(caseAt('resolved'), input(resident, 'confirm', { params: { rating: 5, comment: '很满意' } }))
    expect(out.case.payload).toMatchObject({ rating: 5, ratingComment: '很满意' })
    for (const rating of [1, 2, 3, 4, 5]) {
      const o = ok(caseAt('resolved'), input(resident, 'confirm', { params: { rating } }))
      expect((o.case.payload as ReportPayload).rating).toBe(rating)
      expect((o.case.payload as ReportPayload).ratingComment).toBeUndefined()
    }
  })

  it('reopen is allowed up to exactly the end of the window; auto_close only after it', () => {
    const edge = withPayload(caseAt('resolved'), { resolvedAt: daysAgo(REPORT_CONFIRM_WINDOW_DAYS) })
    expect(transition(REPORT, tree, edge, input(resident, 'reopen', { note: '没修好' })).ok).toBe(true)
    expect(transition(REPORT, tree, edge, input(SYSTEM_ACTOR, 'auto_close')).ok).toBe(false)
    const past = withPayload(caseAt('resolved'), { resolvedAt: daysAgo(REPORT_CONFIRM_WINDOW_DAYS, 1) })
    expect(transition(REPORT, tree, past, input(resident, 'reopen', { note: '没修好' })).ok).toBe(false)
    expect(transition(REPORT, tree, past, input(SYSTEM_ACTOR, 'auto_close'))).toMatchObject({ ok: true, role: 'system' })
  })

  it('merge records mergedInto', () => {
    const out = ok(caseAt('submitted'), input(dispatcher, 'merge', { params: { targetCaseId: 'case-0' } }))
    expect((out.case.payload as ReportPayload).mergedInto).toBe('case-0')
    expect(out.case.status).toBe('merged')
  })

  it('escalate moves unitCode, clears assigneeId and keeps status and grid', () => {
    const c = reportCase({ status: 'assigned', assigneeId: 'u-gw' })
    const out = ok(c, input(gw, 'escalate', { params: { toUnitCode: STREET } }))
    expect(out.case.unitCode).toBe(STREET)
    expect(out.case.assigneeId).toBeNull()
    expect(out.case.status).toBe('assigned')
    expect(out.case.gridCode).toBe(GRID1)
    expect(out.event).toMatchObject({ action: 'escalate', fromStatus: 'assigned', toStatus: 'assigned' })
    // Above the grid the grid worker no longer handles it alone; the street dispatcher does.
    expect(transition(REPORT, tree, out.case, input(gw, 'start'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(transition(REPORT, tree, { ...out.case, assigneeId: gw.userId }, input(gw, 'start')).ok).toBe(true)
    expect(transition(REPORT, tree, out.case, input(dispatcher, 'assign', { params: { assigneeId: 'x' } })).ok).toBe(true)
  })

  it('rules without a patch change only status, version and updatedAt', () => {
    const c = reportCase({ status: 'accepted', assigneeId: 'u-gw', slaDeadline: '2026-11-25T08:00:00.000Z' })
    const out = ok(c, input(gw, 'start'))
    expect(out.case).toEqual({ ...c, status: 'in_progress', version: c.version + 1, updatedAt: NOW.toISOString() })
  })

  it('a chain of moves from submit to close bumps the version each time', () => {
    let c: Case = openReport({
      id: 'case-9',
      eventId: 'e0',
      creatorId: RESIDENT_ID,
      idempotencyKey: 'k9',
      category: 'environment',
      gridCode: GRID1,
      payload: { description: 'd', photos: [], location: { lng: 113.305, lat: 23.205, address: 'a' }, anonymous: true },
      now: NOW,
    }).case
    const steps: [Actor, string, Scenario][] = [
      [gw, 'accept', { params: { slaHours: 24 } }],
      [dispatcher, 'assign', { params: { assigneeId: 'u-gw' } }],
      [gw, 'start', {}],
      [gw, 'resolve', { note: '好了', attachments: ['p.jpg'] }],
      [resident, 'reopen', { note: '没好' }],
      [gw, 'resolve', { note: '真好了', attachments: ['p2.jpg'] }],
      [resident, 'confirm', { params: { rating: 5 } }],
    ]
    for (const [a, action, s] of steps) {
      const out = transition(REPORT, tree, c, input(a, action, s, { expectedVersion: c.version }))
      if (!out.ok) throw new Error(`${action}: ${out.code} ${out.message}`)
      expect(out.case.version).toBe(c.version + 1)
      c = out.case
    }
    expect(c.status).toBe('closed')
    expect(c.version).toBe(1 + steps.length)
    expect(transition(REPORT, tree, c, input(resident, 'reopen', { note: 'x' }))).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
  })
})

describe('openReport', () => {
  it('starts at the grid as submitted, version 1, with a submit event from null', () => {
    const payload: ReportPayload = {
      description: '路灯不亮',
      photos: ['p1.jpg', 'p2.jpg'],
      location: { lng: 113.305, lat: 23.205, address: '云景路 2 号' },
      anonymous: false,
    }
    const { case: c, event } = openReport({
      id: 'case-2',
      eventId: 'evt-0',
      creatorId: RESIDENT_ID,
      idempotencyKey: 'idem-2',
      category: 'facility',
      gridCode: GRID1,
      payload,
      now: NOW,
    })
    expect(c).toEqual({
      id: 'case-2',
      kind: 'report',
      status: 'submitted',
      unitCode: GRID1,
      gridCode: GRID1,
      assigneeId: null,
      category: 'facility',
      payload,
      creatorId: RESIDENT_ID,
      idempotencyKey: 'idem-2',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      slaDeadline: null,
      version: 1,
    })
    expect(c.status).toBe(REPORT.initialStatus)
    expect(event).toEqual({
      id: 'evt-0',
      caseId: 'case-2',
      actorId: RESIDENT_ID,
      actorRole: 'resident',
      action: 'submit',
      fromStatus: null,
      toStatus: 'submitted',
      note: null,
      attachments: ['p1.jpg', 'p2.jpg'],
      at: NOW.toISOString(),
      visibility: 'internal',
    })
  })
})

describe('moderation rows: what the public may see, never the status', () => {
  const disp = actor('u-dispatcher', grant('dispatcher', STREET))
  const run = (c: Case, action: string, s: Scenario, a: Actor = disp) => {
    const out = transition(REPORT, tree, c, input(a, action, s))
    if (!out.ok) throw new Error(`${action}: ${out.code} ${out.message}`)
    return { m: moderationOf(out.case.payload as ReportPayload), out }
  }

  it('are all labelled in Chinese and known as moderation actions', () => {
    for (const a of MODERATION_ACTIONS) expect(REPORT.actionLabels[a]).toMatch(/[\u4e00-\u9fff]/)
    expect(MODERATION_ACTIONS.size).toBe(10)
  })

  it('publish, hide and redact the description; the original text stays in the payload', () => {
    const c = caseAt('in_progress')
    expect(run(c, 'publish_description', VALID.publish_description!).m.description).toBe('published')
    const red = run(c, 'redact_description', { note: '含门牌号', params: { moderation: { text: '  楼道有杂物 ', textSuggest: 'pass' } } })
    expect(red.m).toMatchObject({ description: 'edited', publicDescription: '楼道有杂物' })
    expect((red.out.case.payload as ReportPayload).description).toBe('楼道堆放杂物')
    expect(red.out.event).toMatchObject({ note: '含门牌号', fromStatus: 'in_progress', toStatus: 'in_progress', visibility: 'internal' })
    const hidden = run(red.out.case, 'hide_description', VALID.hide_description!)
    expect(hidden.m.description).toBe('hidden')
    expect(hidden.m.publicDescription).toBeUndefined()
  })

  it('a photo: publishing starts its check; pass publishes, risky hides, review leaves it pending; a hide meanwhile wins', () => {
    const sent = run(caseAt('submitted'), 'publish_photo', VALID.publish_photo!)
    expect(sent.m).toMatchObject({ photos: { 'before-1.jpg': 'pending' }, checking: { 'before-1.jpg': 'trace-1' } })
    const verdict = (action: string) => run(sent.out.case, action, VALID[action]!, SYSTEM_ACTOR).m
    expect(verdict('photo_check_pass')).toEqual({ description: 'pending', photos: { 'before-1.jpg': 'published' }, hidden: false })
    expect(verdict('photo_check_risky').photos['before-1.jpg']).toBe('hidden')
    expect(verdict('photo_check_review')).toEqual({ description: 'pending', photos: { 'before-1.jpg': 'pending' }, hidden: false })
    const hid = run(sent.out.case, 'hide_photo', VALID.hide_photo!)
    expect(hid.m.checking).toBeUndefined()
    expect(transition(REPORT, tree, hid.out.case, input(SYSTEM_ACTOR, 'photo_check_pass', VALID.photo_check_pass!))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('hide and unhide the whole report, also once closed', () => {
    const hid = run(caseAt('closed'), 'hide_report', VALID.hide_report!)
    expect(hid.m.hidden).toBe(true)
    expect(hid.out.case.status).toBe('closed')
    expect(run(hid.out.case, 'unhide_report', VALID.unhide_report!).m.hidden).toBe(false)
  })

  it('a grid worker of the grid may; one of the next grid may not', () => {
    expect(run(caseAt('submitted'), 'hide_report', VALID.hide_report!, actor('u-gw', grant('grid_worker', GRID1))).out.role).toBe('grid_worker')
    expect(transition(REPORT, tree, caseAt('submitted'), input(actor('u-gw2', grant('grid_worker', GRID2)), 'hide_report', VALID.hide_report!))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
