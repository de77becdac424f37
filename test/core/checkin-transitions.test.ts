import type { Case } from '../../src/core/case'
import { CHECKIN, openCheckin, type CheckinPayload } from '../../src/core/kinds/checkin'
import { KINDS } from '../../src/core/kinds'
import { inspectionDue, inspectionState, shanghaiDay, shanghaiDayEnd } from '../../src/core/rental'
import { SYSTEM_ACTOR, type Actor } from '../../src/core/roles'
import { canRead } from '../../src/core/scope'
import { transition, type TransitionInput } from '../../src/core/transition'
import { actor, deepFreeze, GRID1, GRID_B, grant, makeTree, STREET, STREET_B } from './fixtures'

const tree = makeTree()
const NOW = new Date('2026-12-01T04:00:00.000Z')
const DAY = 86_400_000
const TENANT = 'u-tenant'
const MANAGER = 'u-manager'

const tenant = actor(TENANT, grant('tenant', '440111'))
const manager = actor(MANAGER, grant('building_manager', GRID1))
const otherManager = actor('u-manager-2', grant('building_manager', GRID1))
const otherTenant = actor('u-tenant-2', grant('tenant', '440111'))
const police = actor('u-police', grant('police', STREET))
const policeB = actor('u-police-b', grant('police', STREET_B))
const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))
const gridWorker = actor('u-gw', grant('grid_worker', GRID1))

function payload(p: Partial<CheckinPayload> = {}): CheckinPayload {
  return { buildingId: 'b-1', room: '101', name: '刘洋', docType: 'id_card', docNumberMasked: '1101**********002X', cohabitants: [], moveInDate: '2026-11-01', leaseEnd: '2027-10-31', consent: { version: 'v1', at: '2026-11-01T00:00:00.000Z' }, ...p }
}

function at(status: string, p: Partial<CheckinPayload> = {}, c: Partial<Case> = {}): Case {
  const { case: opened } = openCheckin({ id: 'reg-1', eventId: 'e-0', creatorId: TENANT, idempotencyKey: 'k1', gridCode: GRID1, managerId: MANAGER, payload: payload(p), now: new Date('2026-11-01T00:00:00Z') })
  return deepFreeze({ ...(opened as unknown as Case), status, version: 2, ...c })
}

function run(c: Case, who: Actor, action: string, extra: Partial<TransitionInput> = {}) {
  return transition(CHECKIN, tree, c, { actor: who, action, now: NOW, eventId: 'e-1', ...extra })
}

describe('the checkin kind', () => {
  it('is registered with the domain statuses and labels', () => {
    expect(KINDS.checkin).toBe(CHECKIN)
    expect(CHECKIN.statusLabels).toEqual({ pending: '待确认', active: '在住', refused: '已驳回', checked_out: '已退租', purged: '已清除' })
  })

  it('opens pending, assigned to the building manager, located in the building grid', () => {
    const { case: c, event } = openCheckin({ id: 'r', eventId: 'e', creatorId: TENANT, idempotencyKey: 'k', gridCode: GRID1, managerId: MANAGER, payload: payload(), now: NOW })
    expect(c).toMatchObject({ kind: 'checkin', status: 'pending', unitCode: GRID1, gridCode: GRID1, assigneeId: MANAGER, creatorId: TENANT, category: 'checkin', version: 1, slaDeadline: null })
    expect(event).toMatchObject({ action: 'check_in', fromStatus: null, toStatus: 'pending', actorRole: 'applicant' })
    expect(JSON.stringify(c)).not.toMatch(/11010519491231002X|13800138000/)
  })
})

/** One row per (status, actor, action): the expected outcome. */
const TABLE: Array<[string, string, Actor, string, Partial<TransitionInput>, string]> = [
  // confirm
  ['pending', 'manager confirms', manager, 'confirm', {}, 'active'],
  ['pending', 'another manager', otherManager, 'confirm', {}, 'FORBIDDEN'],
  ['pending', 'the tenant', tenant, 'confirm', {}, 'FORBIDDEN'],
  ['pending', 'police', police, 'confirm', {}, 'FORBIDDEN'],
  ['pending', 'grid worker', gridWorker, 'confirm', {}, 'FORBIDDEN'],
  ['active', 'manager again', manager, 'confirm', {}, 'ILLEGAL_TRANSITION'],
  // refuse
  ['pending', 'manager with a reason', manager, 'refuse', { note: '房号不符' }, 'refused'],
  ['pending', 'manager without a reason', manager, 'refuse', {}, 'VALIDATION'],
  ['pending', 'dispatcher', dispatcher, 'refuse', { note: 'x' }, 'FORBIDDEN'],
  ['active', 'manager after confirming', manager, 'refuse', { note: 'x' }, 'ILLEGAL_TRANSITION'],
  // update
  ['active', 'tenant new lease end', tenant, 'update', { params: { leaseEnd: '2028-01-31' } }, 'active'],
  ['pending', 'tenant new phone', tenant, 'update', { params: { phoneChanged: true } }, 'pending'],
  ['active', 'tenant nothing to change', tenant, 'update', { params: {} }, 'VALIDATION'],
  ['active', 'tenant lease end before moving in', tenant, 'update', { params: { leaseEnd: '2026-10-01' } }, 'VALIDATION'],
  ['active', 'tenant impossible lease end', tenant, 'update', { params: { leaseEnd: '2027-02-30' } }, 'VALIDATION'],
  ['active', 'another tenant', otherTenant, 'update', { params: { phoneChanged: true } }, 'FORBIDDEN'],
  ['active', 'manager', manager, 'update', { params: { phoneChanged: true } }, 'FORBIDDEN'],
  ['checked_out', 'tenant after leaving', tenant, 'update', { params: { phoneChanged: true } }, 'ILLEGAL_TRANSITION'],
  // check_out
  ['active', 'tenant', tenant, 'check_out', {}, 'checked_out'],
  ['active', 'manager', manager, 'check_out', {}, 'checked_out'],
  ['pending', 'tenant withdraws', tenant, 'check_out', {}, 'checked_out'],
  ['pending', 'manager (must refuse instead)', manager, 'check_out', {}, 'FORBIDDEN'],
  ['active', 'another manager', otherManager, 'check_out', {}, 'FORBIDDEN'],
  ['active', 'police', police, 'check_out', {}, 'FORBIDDEN'],
  ['refused', 'tenant', tenant, 'check_out', {}, 'ILLEGAL_TRANSITION'],
  ['checked_out', 'tenant twice', tenant, 'check_out', {}, 'ILLEGAL_TRANSITION'],
  // flag_lease_overdue
  ['active', 'system, lease ended yesterday', SYSTEM_ACTOR, 'flag_lease_overdue', {}, 'active'],
  ['pending', 'system on a pending one', SYSTEM_ACTOR, 'flag_lease_overdue', {}, 'ILLEGAL_TRANSITION'],
  ['active', 'a manager', manager, 'flag_lease_overdue', {}, 'FORBIDDEN'],
  // purge
  ['checked_out', 'system after retention', SYSTEM_ACTOR, 'purge', { params: { retentionDays: 180 } }, 'purged'],
  ['refused', 'system after retention', SYSTEM_ACTOR, 'purge', { params: { retentionDays: 0 } }, 'purged'],
  ['checked_out', 'system before retention', SYSTEM_ACTOR, 'purge', { params: { retentionDays: 400 } }, 'ILLEGAL_TRANSITION'],
  ['checked_out', 'system without a retention', SYSTEM_ACTOR, 'purge', {}, 'VALIDATION'],
  ['active', 'system on an active stay', SYSTEM_ACTOR, 'purge', { params: { retentionDays: 0 } }, 'ILLEGAL_TRANSITION'],
  ['checked_out', 'police', police, 'purge', { params: { retentionDays: 0 } }, 'FORBIDDEN'],
  ['purged', 'system twice', SYSTEM_ACTOR, 'purge', { params: { retentionDays: 0 } }, 'ILLEGAL_TRANSITION'],
  // unknown action
  ['pending', 'anyone', manager, 'approve', {}, 'VALIDATION'],
]

describe.each(TABLE)('from %s, %s: %s', (status, _label, who, action, extra, expected) => {
  it(`answers ${expected}`, () => {
    const leaseEnd = action === 'flag_lease_overdue' ? '2026-11-30' : '2027-10-31'
    const left = { leftAt: new Date(NOW.getTime() - 200 * DAY).toISOString() }
    const c = at(status, { leaseEnd, ...(status === 'checked_out' || status === 'refused' ? left : {}) })
    const out = run(c, who, action, extra)
    if (out.ok) {
      expect(out.case.status).toBe(expected)
      expect(out.case.version).toBe(c.version + 1)
      expect(out.event).toMatchObject({ action, fromStatus: status, toStatus: expected })
    } else {
      expect(out.code).toBe(expected)
      expect(out.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

describe('what the moves write', () => {
  it('confirm sets the lease deadline; refuse records the reason and starts the retention clock', () => {
    const confirmed = run(at('pending'), manager, 'confirm')
    expect(confirmed.ok && confirmed.case.slaDeadline).toBe(shanghaiDayEnd('2027-10-31'))
    const refused = run(at('pending'), manager, 'refuse', { note: ' 房号不符 ' })
    expect(refused.ok && refused.case.payload).toMatchObject({ refusedReason: '房号不符', leftAt: NOW.toISOString() })
    expect(refused.ok && refused.case.slaDeadline).toBe(NOW.toISOString())
  })

  it('flags once: the second run is refused, and a new lease end clears the flag', () => {
    const flagged = run(at('active', { leaseEnd: '2026-11-30' }), SYSTEM_ACTOR, 'flag_lease_overdue')
    expect(flagged.ok && flagged.case.payload).toMatchObject({ leaseOverdueSince: NOW.toISOString() })
    expect(flagged.ok && flagged.case.slaDeadline).toBeNull()
    if (!flagged.ok) return
    expect(run(flagged.case, SYSTEM_ACTOR, 'flag_lease_overdue')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const extended = run(flagged.case, tenant, 'update', { params: { leaseEnd: '2027-05-31' } })
    expect(extended.ok && (extended.case.payload as CheckinPayload).leaseOverdueSince).toBeUndefined()
    expect(extended.ok && extended.case.slaDeadline).toBe(shanghaiDayEnd('2027-05-31'))
  })

  it('does not flag on the lease end day itself (Shanghai calendar)', () => {
    const today = shanghaiDay(NOW)
    expect(run(at('active', { leaseEnd: today }), SYSTEM_ACTOR, 'flag_lease_overdue')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('purge removes the personal fields and keeps the statistics', () => {
    const c = at('checked_out', { leftAt: '2026-01-01T00:00:00.000Z', cohabitants: [{ name: '王芳', relation: '配偶' }], checkedOutAt: '2026-01-01T00:00:00.000Z' })
    const out = run(c, SYSTEM_ACTOR, 'purge', { params: { retentionDays: 180 } })
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.case.payload).toMatchObject({ name: null, docNumberMasked: null, cohabitants: [], buildingId: 'b-1', docType: 'id_card', moveInDate: '2026-11-01', purgedAt: NOW.toISOString() })
    expect(JSON.stringify(out.case.payload)).not.toContain('刘洋')
  })
})

describe('who reads a registration', () => {
  const c = at('active')
  it.each([
    ['its tenant', tenant, true],
    ['its manager', manager, true],
    ['police of the street', police, true],
    ['dispatcher of the street', dispatcher, true],
    ['another tenant', otherTenant, false],
    ['another manager', otherManager, false],
    ['police of another street', policeB, false],
  ])('%s: %s', (_l, who, expected) => {
    expect(canRead(tree, who, c)).toBe(expected)
  })
  it('a registration in another street is not police A\'s', () => {
    expect(canRead(tree, police, at('active', {}, { gridCode: GRID_B, unitCode: GRID_B }))).toBe(false)
  })
})

describe('a registration filed 代办', () => {
  const mark = { agentId: 'u-agent', agentName: '郭秀兰', agentRole: 'proxy_agent' as const, name: '刘*', phone: '139****0009', sealed: 'sealed-names' }
  const agent = actor('u-agent', grant('proxy_agent', STREET))
  const agentElsewhere = actor('u-agent', grant('proxy_agent', STREET_B))
  const proxied = at('active', { proxy: mark }, { creatorId: 'proxy:hash' })

  it('is read by the agent who filed it, inside their unit, until the tenant claims it', () => {
    expect(canRead(tree, agent, proxied)).toBe(true)
    expect(canRead(tree, agentElsewhere, proxied)).toBe(false)
    expect(canRead(tree, actor('u-agent-2', grant('proxy_agent', STREET)), proxied)).toBe(false)
    expect(canRead(tree, agent, at('active', { proxy: { ...mark, claimedAt: NOW.toISOString() } }))).toBe(false)
  })

  it('purge keeps who filed it and drops the tenant from the mark', () => {
    const c = at('checked_out', { leftAt: '2026-01-01T00:00:00.000Z', proxy: mark }, { creatorId: 'proxy:hash' })
    const out = run(c, SYSTEM_ACTOR, 'purge', { params: { retentionDays: 180 } })
    expect(out.ok && out.case.payload).toMatchObject({ proxy: { agentId: 'u-agent', agentName: '郭秀兰', name: '（已清除）', phone: '' } })
    expect(JSON.stringify(out.ok && out.case.payload)).not.toMatch(/sealed-names|139\*/)
  })
})

describe('monthly fire inspection rhythm', () => {
  it('is due by the end of the month after the last check (Shanghai calendar)', () => {
    expect(inspectionDue('2026-01-15T02:00:00.000Z')).toBe(shanghaiDayEnd('2026-02-28'))
    // 23:30 on 31 Jan in Shanghai is still January.
    expect(inspectionDue('2026-01-31T15:30:00.000Z')).toBe(shanghaiDayEnd('2026-02-28'))
    expect(inspectionDue('2026-12-03T00:00:00.000Z')).toBe(shanghaiDayEnd('2027-01-31'))
  })
  it('answers never, ok, due_soon and overdue', () => {
    expect(inspectionState(null, NOW, 7)).toBe('never')
    expect(inspectionState('2026-11-20T00:00:00.000Z', NOW, 7)).toBe('ok')
    expect(inspectionState('2026-10-20T00:00:00.000Z', new Date('2026-11-27T00:00:00Z'), 7)).toBe('due_soon')
    expect(inspectionState('2026-10-20T00:00:00.000Z', NOW, 7)).toBe('overdue')
  })
})
