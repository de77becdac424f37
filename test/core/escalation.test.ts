import { escalationTarget } from '../../src/core/escalation'
import { isOverdue, hoursLeft } from '../../src/core/sla'
import { REPORT } from '../../src/core/kinds/report'
import { transition } from '../../src/core/transition'
import { SYSTEM_ACTOR } from '../../src/core/roles'
import { makeTree } from './fixtures'

const tree = makeTree()

describe('escalation ladder', () => {
  it('climbs grid → street → district → city, skipping the community', () => {
    expect(escalationTarget(tree, '440111010001001')?.code).toBe('440111010')
    expect(escalationTarget(tree, '440111010')?.code).toBe('440111')
    expect(escalationTarget(tree, '440111')?.code).toBe('440100')
    expect(escalationTarget(tree, '440100')).toBeUndefined()
    expect(escalationTarget(tree, 'nowhere')).toBeUndefined()
  })
})

describe('SLA clock', () => {
  const now = new Date('2026-11-23T10:00:00Z')
  it('is overdue only while open and past the deadline', () => {
    expect(isOverdue({ status: 'accepted', slaDeadline: '2026-11-23T09:59:59Z' }, now, REPORT.terminalStatuses)).toBe(true)
    expect(isOverdue({ status: 'accepted', slaDeadline: '2026-11-23T10:00:01Z' }, now, REPORT.terminalStatuses)).toBe(false)
    expect(isOverdue({ status: 'closed', slaDeadline: '2026-11-20T00:00:00Z' }, now, REPORT.terminalStatuses)).toBe(false)
    expect(isOverdue({ status: 'submitted', slaDeadline: null }, now, REPORT.terminalStatuses)).toBe(false)
    expect(hoursLeft({ slaDeadline: '2026-11-23T13:00:00Z' }, now)).toBe(3)
    expect(hoursLeft({ slaDeadline: '2026-11-23T08:00:00Z' }, now)).toBe(-2)
  })

  it('escalation by the timer resets the deadline for the new level and clears the overdue mark', () => {
    const c = {
      id: 'c1', kind: 'report' as const, status: 'accepted', unitCode: '440111010001001', gridCode: '440111010001001',
      assigneeId: 'gw', category: 'HJ01', creatorId: 'r1', idempotencyKey: 'k', createdAt: '2026-11-20T00:00:00.000Z',
      updatedAt: '2026-11-20T00:00:00.000Z', slaDeadline: '2026-11-22T00:00:00.000Z', version: 3,
      payload: { description: 'x', photos: [], location: { lng: 0, lat: 0, address: '' }, anonymous: false, overdueSince: '2026-11-22T00:05:00.000Z' },
    }
    const out = transition(REPORT, tree, c, { actor: SYSTEM_ACTOR, action: 'escalate', now, eventId: 'e', params: { toUnitCode: '440111010', slaHours: 24 } })
    expect(out.ok && out.case).toMatchObject({ unitCode: '440111010', assigneeId: null, slaDeadline: '2026-11-24T10:00:00.000Z', status: 'accepted' })
    expect(out.ok && (out.case.payload as { overdueSince?: string }).overdueSince).toBeUndefined()
  })
})

describe('accepting', () => {
  it('makes the accepting grid worker the handler, but not an accepting dispatcher', async () => {
    const { reportCase, actor, grant, GRID1, STREET } = await import('./fixtures')
    const now = new Date('2026-11-23T10:00:00Z')
    const gw = actor('u-gw', grant('grid_worker', GRID1))
    const byGw = transition(REPORT, tree, reportCase({ status: 'submitted' }), { actor: gw, action: 'accept', now, eventId: 'e', params: { slaHours: 24 } })
    expect(byGw.ok && byGw.case.assigneeId).toBe('u-gw')
    const disp = actor('u-d', grant('dispatcher', STREET))
    const byDisp = transition(REPORT, tree, reportCase({ status: 'submitted' }), { actor: disp, action: 'accept', now, eventId: 'e', params: { slaHours: 24 } })
    expect(byDisp.ok && byDisp.case.assigneeId).toBeNull()
  })
})
