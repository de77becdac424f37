/**
 * 一键求助's transition table: who may take, close and convert a request, the first-wins rule, the
 * escalation clock's rows, and who reaches a request at all (the person, the community's helpers by
 * place, a rostered helper from elsewhere in the community, the street's centre — nobody else).
 */
import type { Case } from '../../src/core/case'
import { onDutyAt, shanghaiClock, shiftText } from '../../src/core/dutyRoster'
import { HELP, openHelp, type HelpPayload } from '../../src/core/kinds/help'
import { KINDS } from '../../src/core/kinds'
import { SYSTEM_ACTOR, type Actor, type RoleGrant } from '../../src/core/roles'
import { canRead } from '../../src/core/scope'
import { transition, type TransitionInput } from '../../src/core/transition'
import { actor, COMMUNITY, COMMUNITY_B, deepFreeze, GRID1, GRID2, grant, makeTree, STREET, STREET_B, DISTRICT } from './fixtures'

const tree = makeTree()
const RAISED_AT = new Date('2026-12-01T04:00:00.000Z')
const MIN = 60_000

const person = actor('u-person', grant('resident', DISTRICT))
const stranger = actor('u-stranger', grant('resident', DISTRICT))
const gridWorker = actor('u-gw', grant('grid_worker', GRID1))
const gridWorker2 = actor('u-gw2', grant('grid_worker', GRID2))
const mediator = actor('u-med', { role: 'mediator', unitCode: STREET, committee: 'people' } as RoleGrant)
const helper = actor('u-helper', { role: 'helper', unitCode: COMMUNITY, helperKind: 'legal_adviser' } as RoleGrant)
const helperB = actor('u-helper-b', { role: 'helper', unitCode: COMMUNITY_B, helperKind: 'neighbour' } as RoleGrant)
const gridWorkerB = actor('u-gw-b', grant('grid_worker', '440111020001001'))
const dispatcher = actor('u-disp', grant('dispatcher', STREET))
const dispatcherB = actor('u-disp-b', grant('dispatcher', STREET_B))
const department = actor('u-dept', grant('department', STREET, 'chengguan'))
const police = actor('u-police', grant('police', STREET))

function at(status: string, p: Partial<HelpPayload> = {}, c: Partial<Case> = {}): Case {
  const { case: opened } = openHelp({
    id: 'help-1',
    eventId: 'e-0',
    creatorId: person.userId,
    idempotencyKey: 'k1',
    now: RAISED_AT,
    gridCode: GRID1,
    communityCode: COMMUNITY,
    acceptMinutes: 5,
    payload: { helpKind: 'neighbour_dispute', text: '楼上漏水吵起来了', voiceFileId: null, location: { lat: 23.205, lng: 113.305 }, notified: [{ userId: helper.userId, role: 'helper', unreachable: null }] },
  })
  return deepFreeze({ ...opened, status, version: 2, ...c, payload: { ...(opened.payload as HelpPayload), ...p } } as Case)
}

function run(c: Case, who: Actor, action: string, extra: Partial<TransitionInput> = {}) {
  return transition(HELP, tree, c, { actor: who, action, now: new Date(RAISED_AT.getTime() + 2 * MIN), eventId: 'e-1', ...extra })
}

const taken = (by: Actor) => at('taken', { takenBy: by.userId, takenAt: RAISED_AT.toISOString() }, { assigneeId: by.userId, slaDeadline: null })

describe('the help kind', () => {
  it('is registered with the domain statuses and labels', () => {
    expect(KINDS.help).toBe(HELP)
    expect(HELP.statusLabels).toEqual({ raised: '已求助', taken: '已响应', escalated: '已上报街道', closed: '已结束' })
    expect(HELP.terminalStatuses).toEqual(['closed'])
  })

  it('opens raised at the community, in its grid, due for acceptance within the minutes given', () => {
    const c = at('raised')
    expect(c).toMatchObject({ kind: 'help', status: 'raised', unitCode: COMMUNITY, gridCode: GRID1, category: 'neighbour_dispute', creatorId: 'u-person', slaDeadline: '2026-12-01T04:05:00.000Z' })
  })

  it('opens at the street centre when nobody of the community is on duty, the district window running', () => {
    const { case: c, event } = openHelp({
      id: 'help-2',
      eventId: 'e-0',
      creatorId: person.userId,
      idempotencyKey: 'k2',
      now: RAISED_AT,
      gridCode: GRID1,
      communityCode: COMMUNITY,
      acceptMinutes: 5,
      nobodyOnDuty: { districtMinutes: 10 },
      payload: { helpKind: 'danger', text: '', voiceFileId: 'f-1', location: { lat: 23.205, lng: 113.305 }, notified: [] },
    })
    expect(c).toMatchObject({ status: 'escalated', slaDeadline: '2026-12-01T04:10:00.000Z', payload: { escalation: 'street', escalatedAt: '2026-12-01T04:00:00.000Z' } })
    expect(event).toMatchObject({ action: 'raise', fromStatus: null, toStatus: 'escalated', actorRole: 'applicant' })
    expect(canRead(tree, dispatcher, c)).toBe(true)
  })
})

describe('who reaches a request', () => {
  const c = at('raised')
  it.each([
    ['the person who asked', person, true],
    ['a grid worker of its grid', gridWorker, true],
    ['a mediator of its street', mediator, true],
    ['a helper of its community', helper, true],
    ["the street's centre", dispatcher, true],
    ['a stranger', stranger, false],
    ['a grid worker of another grid of the community, not on duty', gridWorker2, false],
    ['a helper of another community', helperB, false],
    ['a grid worker of another street', gridWorkerB, false],
    ["another street's centre", dispatcherB, false],
    ['a department of the street', department, false],
    ['the police of the street', police, false],
  ])('%s: %p', (_what, who, readable) => {
    expect(canRead(tree, who as Actor, c)).toBe(readable)
  })

  it('reaches a rostered grid worker of another grid of the community once the request went to them', () => {
    const told = at('raised', { notified: [{ userId: gridWorker2.userId, role: 'grid_worker', unreachable: 'no_subscription' }] })
    expect(canRead(tree, gridWorker2, told)).toBe(true)
    expect(run(told, gridWorker2, 'accept')).toMatchObject({ ok: true, case: { status: 'taken', assigneeId: 'u-gw2' } })
    // Being listed reaches nobody whose role the kind is not open to.
    const listed = at('raised', { notified: [{ userId: stranger.userId, role: 'helper', unreachable: null }] })
    expect(canRead(tree, stranger, listed)).toBe(false)
  })
})

describe('accept: the first wins', () => {
  it.each([
    ['helper', helper],
    ['grid_worker', gridWorker],
    ['mediator', mediator],
    ['dispatcher', dispatcher],
  ])('%s takes a raised request: 已响应, assigned to them, the clock stopped', (role, who) => {
    const out = run(at('raised'), who as Actor, 'accept')
    expect(out).toMatchObject({ ok: true, role, case: { status: 'taken', assigneeId: (who as Actor).userId, slaDeadline: null, payload: { takenBy: (who as Actor).userId, takenAt: '2026-12-01T04:02:00.000Z' } } })
  })

  it('takes an escalated request too', () => {
    expect(run(at('escalated', { escalation: 'street' }), helper, 'accept')).toMatchObject({ ok: true, case: { status: 'taken' } })
  })

  it('tells the second 已有人响应, and refuses the person, strangers and other communities', () => {
    expect(run(taken(helper), gridWorker, 'accept')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已有人响应' })
    expect(run(at('closed'), gridWorker, 'accept')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    for (const who of [person, stranger, helperB, gridWorkerB, dispatcherB, department, police]) expect(run(at('raised'), who, 'accept')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('close and convert: the one who took it', () => {
  it('closes with what was done; the note is required', () => {
    expect(run(taken(helper), helper, 'close', { note: '已到场劝解，双方和好' })).toMatchObject({ ok: true, case: { status: 'closed', payload: { closeNote: '已到场劝解，双方和好', closedAt: '2026-12-01T04:02:00.000Z' } } })
    expect(run(taken(helper), helper, 'close', { note: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { note: '必填' } })
  })

  it('refuses someone else who could have taken it; the centre may end it', () => {
    expect(run(taken(helper), gridWorker, 'close', { note: '已处理' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '该求助不是由您响应' })
    expect(run(taken(helper), dispatcher, 'close', { note: '已电话联系' })).toMatchObject({ ok: true, role: 'dispatcher' })
    expect(run(taken(helper), person, 'close', { note: '不用了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lets the centre end a request nobody took (dealt with by phone); helpers must take it first', () => {
    expect(run(at('escalated', { escalation: 'street' }), dispatcher, 'close', { note: '已电话联系，误报' })).toMatchObject({ ok: true, case: { status: 'closed' } })
    expect(run(at('raised'), helper, 'close', { note: '已处理' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('converts with the link kept, closing the request', () => {
    const link = { kind: 'mediation', caseId: 'm-1', number: '京溪-2026-00043' }
    expect(run(taken(helper), helper, 'convert', { params: { link } })).toMatchObject({ ok: true, case: { status: 'closed', payload: { convertedTo: link } } })
    expect(run(taken(helper), helper, 'convert', { params: { link: { kind: 'checkin', caseId: 'x' } } })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(run(taken(helper), gridWorker, 'convert', { params: { link } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(at('raised'), helper, 'convert', { params: { link } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})

describe('the escalation clock (system only)', () => {
  const clock = (c: Case, action: string, minutes: number, params: Record<string, unknown> = {}) =>
    transition(HELP, tree, c, { actor: SYSTEM_ACTOR, action, now: new Date(RAISED_AT.getTime() + minutes * MIN), eventId: 'e-t', params })

  it('goes to the street once the window passed, setting the district window', () => {
    expect(clock(at('raised'), 'escalate', 4, { districtMinutes: 10 })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const out = clock(at('raised'), 'escalate', 5, { districtMinutes: 10 })
    expect(out).toMatchObject({ ok: true, case: { status: 'escalated', slaDeadline: '2026-12-01T04:15:00.000Z', payload: { escalation: 'street', escalatedAt: '2026-12-01T04:05:00.000Z' } } })
  })

  it('then to the district after the further window, once', () => {
    const street = at('escalated', { escalation: 'street' }, { slaDeadline: '2026-12-01T04:15:00.000Z' })
    expect(clock(street, 'escalate_district', 14)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const out = clock(street, 'escalate_district', 15)
    expect(out).toMatchObject({ ok: true, case: { status: 'escalated', slaDeadline: null, payload: { escalation: 'district', districtAt: '2026-12-01T04:15:00.000Z' } } })
    if (!out.ok) return
    expect(clock(out.case, 'escalate_district', 30)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('is refused to every person', () => {
    for (const who of [dispatcher, helper, person]) expect(run(at('raised', {}, { slaDeadline: '2026-12-01T00:00:00.000Z' }), who, 'escalate', { params: { districtMinutes: 10 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(clock(taken(helper), 'escalate', 60, { districtMinutes: 10 })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})

describe('duty shifts in Shanghai time', () => {
  // 2026-12-01 is a Tuesday; 04:00 UTC is 12:00 in Shanghai.
  const noonTuesday = new Date('2026-12-01T04:00:00.000Z')
  it('reads the Shanghai weekday and minute', () => {
    expect(shanghaiClock(noonTuesday)).toEqual({ day: 2, minute: 720 })
    expect(shanghaiClock(new Date('2026-11-30T16:30:00.000Z'))).toEqual({ day: 2, minute: 30 })
  })

  it('covers day shifts, overnight shifts from the evening before, and the whole day', () => {
    expect(onDutyAt([{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }], noonTuesday)).toBe(true)
    expect(onDutyAt([{ days: [1, 3], from: '08:30', to: '17:30' }], noonTuesday)).toBe(false)
    // 00:30 Tuesday is inside Monday's 22:00–08:00.
    expect(onDutyAt([{ days: [1], from: '22:00', to: '08:00' }], new Date('2026-11-30T16:30:00.000Z'))).toBe(true)
    expect(onDutyAt([{ days: [2], from: '22:00', to: '08:00' }], new Date('2026-11-30T16:30:00.000Z'))).toBe(false)
    // 01:00 Monday is inside Sunday's 22:00–08:00 (the week wraps).
    expect(onDutyAt([{ days: [7], from: '22:00', to: '08:00' }], new Date('2026-11-29T17:00:00.000Z'))).toBe(true)
    expect(onDutyAt([{ days: [2], from: '00:00', to: '24:00' }], new Date('2026-12-01T15:59:00.000Z'))).toBe(true)
    expect(onDutyAt([{ days: [2], from: '00:00', to: '24:00' }], new Date('2026-12-01T16:00:00.000Z'))).toBe(false)
  })

  it('says a shift in words', () => {
    expect(shiftText({ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' })).toBe('每天 全天')
    expect(shiftText({ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' })).toBe('周一至周五 08:30–17:30')
    expect(shiftText({ days: [6, 7], from: '22:00', to: '08:00' })).toBe('周六、周日 22:00–次日08:00')
  })
})
