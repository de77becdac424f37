/**
 * The dashboard's cards agree with its breakdowns (issue 17): 事项总数 is the sum of the status
 * rows, 处理中 of the open ones, 已办结 of 已办结 and 已评价 (it once counted only 已评价, so a fixed
 * but unrated case showed 0 beside a breakdown of 1). Driven by a brand-new resident's reports.
 */
import { mergeScopes } from '../../backend/usecases/report/stats'
import { OPEN } from '../../backend/usecases/report/queueScope'
import { move, photo, submitReport } from '../support/cases'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let gw: Client, disp: Client, admin: Client

const world = serverWithUsers(['demo-grid-worker', 'demo-dispatcher', 'demo-admin'], (c) => ([gw, disp, admin] = c))

type Tally = { key: string; count: number }
const sum = (rows: Tally[], keys?: readonly string[]) => rows.filter((r) => !keys || keys.includes(r.key)).reduce((n, r) => n + r.count, 0)

function expectAgreement(s: { total: number; open: number; closed: number; byStatus: Tally[]; byCategory: Tally[]; byGrid: Tally[]; byDay: Array<{ count: number }> }) {
  expect(s.total).toBe(sum(s.byStatus))
  expect(s.open).toBe(sum(s.byStatus, OPEN))
  expect(s.closed).toBe(sum(s.byStatus, ['resolved', 'closed']))
  expect(sum(s.byCategory)).toBe(s.total)
  expect(sum(s.byGrid)).toBe(s.total)
  expect(s.byDay.reduce((n, d) => n + d.count, 0)).toBe(s.total)
}

describe('cases.stats: the cards are the sums of the breakdown', () => {
  it('counts a fixed but unrated case under 已办结, and a rated one too', async () => {
    const before = (await disp.call('cases', 'stats', {})).stats
    expectAgreement(before)

    const resident = await asOpenid(world.srv.url, `dev-stats-${Date.now()}`)
    const fixed = await submitReport(resident)
    const rated = await submitReport(resident)
    await submitReport(resident) // stays open
    for (const c of [fixed, rated]) {
      expect(await move(gw, c.id, 'accept')).toMatchObject({ ok: true })
      expect(await move(gw, c.id, 'resolve', { note: '已到现场处理完毕', attachments: [await photo(gw)] })).toMatchObject({ ok: true, case: { status: 'resolved' } })
    }
    const v = (await resident.call('reports', 'get', { id: rated.id })).case.version
    expect(await resident.call('reports', 'confirm', { id: rated.id, version: v, rating: 4 })).toMatchObject({ ok: true, case: { status: 'closed' } })

    const after = (await disp.call('cases', 'stats', {})).stats
    expectAgreement(after)
    expect(after.total - before.total).toBe(3)
    expect(after.closed - before.closed).toBe(2)
    expect(after.open - before.open).toBe(1)
    const resolved = after.byStatus.find((b: Tally & { label: string }) => b.key === 'resolved')
    expect(resolved).toMatchObject({ label: '已办结' })
    expect(after.closed).toBeGreaterThanOrEqual(resolved.count)
  })

  it('agrees for an administrator and within a filter', async () => {
    expectAgreement((await admin.call('cases', 'stats', {})).stats)
    expectAgreement((await disp.call('cases', 'stats', { statuses: ['resolved', 'closed'] })).stats)
  })
})

describe('mergeScopes', () => {
  it('counts a grid covered by two grants once', () => {
    const qs = mergeScopes([
      { kind: 'report', gridCodes: ['g1', 'g2'] },
      { kind: 'report', gridCodes: ['g2', 'g3'] },
      { kind: 'report', gridCodes: ['g1'], department: 'CG' },
    ])
    expect(qs).toEqual([{ kind: 'report', gridCodes: ['g1', 'g2', 'g3'] }, { kind: 'report', gridCodes: ['g1'], department: 'CG' }])
  })
  it('keeps a single query as it is', () => {
    expect(mergeScopes([{ kind: 'report', gridCodes: ['g1'] }])).toEqual([{ kind: 'report', gridCodes: ['g1'] }])
  })
})
