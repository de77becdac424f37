/**
 * `cases.queue` and `mediation.queue` as issue 21 rebuilt them, in process on SQLite: a street's
 * queue is read by the cases' street key, paged by the last case's id in deadline order (every
 * case once, in order, however deep), its total exact up to 10,000 and 「1万+」 above; a
 * department sees its own cases only; a grid filter stays inside the caller's scope.
 */
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import { queue as mediationQueue } from '../../backend/usecases/mediation/queue'
import { queue } from '../../backend/usecases/report/queue'
import type { Case, CaseKind } from '../../src/core/case'
import { fixedClock } from '../../src/core/clock'
import type { OrgUnit } from '../../src/core/org'
import { QUEUE_TOTAL_CAP, queueTotalText } from '../../src/core/queueTotal'
import type { Actor } from '../../src/core/roles'
import type { OpenedStore } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { pageThrough as pageAll, slaSorted } from '../support/queuePaging'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
const NOW = '2026-06-01T04:00:00.000Z'
const UNITS: OrgUnit[] = [
  { code: '440100', name: '广州市', level: 'city', parentCode: null },
  { code: '440111', name: '白云区', level: 'district', parentCode: '440100' },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: '440111' },
  { code: 'S2', name: '同和街道', level: 'street', parentCode: '440111' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
  { code: 'C2', name: '南方社区', level: 'community', parentCode: 'S2' },
  { code: 'G1', name: '第1网格', level: 'grid', parentCode: 'C1' },
  { code: 'G2', name: '第2网格', level: 'grid', parentCode: 'C1' },
  { code: 'G3', name: '第3网格', level: 'grid', parentCode: 'C2' },
]
const GRIDS = ['G1', 'G2', 'G3']
const STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed']

let opened: OpenedStore
let d: Deps
beforeEach(async () => {
  opened = await openTempSqliteStore('jf-queue-scale-')
  d = localDeps(opened.store, { clock: fixedClock(NOW), newId: () => ulid(), config: defaultDistrictConfig() })
  await opened.store.putUnits(UNITS)
})
afterEach(async () => {
  await opened.cleanup()
})

function report(n: number, o: Partial<Case> = {}): Case {
  const grid = GRIDS[n % 3]!
  const created = new Date(Date.parse(NOW) - (1000 - n) * 60_000).toISOString()
  return {
    id: ulid(Date.parse(created)),
    kind: 'report',
    status: STATUSES[n % STATUSES.length]!,
    unitCode: grid,
    gridCode: grid,
    assigneeId: null,
    category: n % 4 === 0 ? 'HJ01' : 'ZA01',
    payload: { description: '楼道堆放杂物', photos: [], anonymous: false, location: { lng: 113.3, lat: 23.2, address: '白云区某路 1 号' }, ...(n % 5 === 0 ? { department: 'chengguan' } : {}) },
    creatorId: `res-${n}`,
    idempotencyKey: `k${n}`,
    createdAt: created,
    updatedAt: created,
    // Tied deadlines, past and future ones, and cases without a deadline.
    slaDeadline: n % 9 === 0 ? null : new Date(Date.parse(NOW) + ((n % 7) - 3) * 3600_000).toISOString(),
    version: 1,
    ...o,
  }
}

async function insert(cases: Case[]): Promise<void> {
  await opened.store.transaction(async (tx) => {
    for (const c of cases) await tx.insertCase(c)
  })
}

const dispatcher: Actor = { userId: 'disp-s1', name: '坐席', grants: [{ role: 'dispatcher', unitCode: 'S1' }] }

/** This suite's queue paged through by its cursor (test/support/queuePaging.ts). */
function pageThrough(actor: Actor, filter: Record<string, unknown>, limit: number): Promise<{ ids: string[]; totals: number[] }> {
  return pageAll((input) => queue(d, actor, { ...filter, ...input }), limit)
}

describe('cases.queue at street scale', () => {
  const all = Array.from({ length: 120 }, (_, n) => report(n))
  const inS1 = (c: Case) => c.gridCode === 'G1' || c.gridCode === 'G2'

  beforeEach(async () => {
    await insert(all)
  })

  it.each<[string, Record<string, unknown>, (c: Case) => boolean]>([
    ['every status', {}, inS1],
    ['open tab', { statuses: ['accepted', 'assigned', 'in_progress'] }, (c) => inS1(c) && ['accepted', 'assigned', 'in_progress'].includes(c.status)],
    ['a category', { statuses: ['submitted', 'accepted'], category: 'HJ01' }, (c) => inS1(c) && ['submitted', 'accepted'].includes(c.status) && c.category === 'HJ01'],
    ['overdue', { overdue: true }, (c) => inS1(c) && ['submitted', 'accepted', 'assigned', 'in_progress'].includes(c.status) && c.slaDeadline !== null && c.slaDeadline < NOW],
    ['one grid of the street', { gridCode: 'G2' }, (c) => c.gridCode === 'G2'],
  ])('a street dispatcher pages through %s: every case once, in deadline order, exact total', async (_name, filter, matches) => {
    const want = slaSorted(all.filter(matches))
    expect(want.length).toBeGreaterThan(3)
    for (const limit of [1, 7, 100]) {
      const got = await pageThrough(dispatcher, filter, limit)
      expect(got.ids).toEqual(want)
      expect(new Set(got.totals)).toEqual(new Set([want.length]))
    }
  })

  it('keeps a grid of another street out of the scope', async () => {
    expect(await queue(d, dispatcher, { gridCode: 'G3', limit: 20 })).toMatchObject({ ok: true, cases: [], total: 0 })
  })

  it('gives a district department its own cases only, across streets', async () => {
    const dep: Actor = { userId: 'dep-cg', name: '城管', grants: [{ role: 'department', unitCode: '440111', department: 'chengguan' }] }
    const want = slaSorted(all.filter((c) => (c.payload as { department?: string }).department === 'chengguan' && c.status === 'submitted'))
    const got = await pageThrough(dep, { statuses: ['submitted'] }, 3)
    expect(got.ids).toEqual(want)
  })

  it.each<[string, Record<string, unknown>]>([
    ...STATUSES.map((st): [string, Record<string, unknown>] => [st, { statuses: [st] }]),
    ['处理中', { statuses: ['accepted', 'assigned', 'in_progress'] }],
    ['every status', {}],
    ['overdue', { overdue: true }],
    ['a category (counted from the cases)', { category: 'HJ01' }],
  ])('gives a district department the exact total of its %s tab (its maintained counts)', async (_name, filter) => {
    const dep: Actor = { userId: 'dep-cg', name: '城管', grants: [{ role: 'department', unitCode: '440111', department: 'chengguan' }] }
    const got = await pageThrough(dep, filter, 7)
    expect(got.ids.length).toBeGreaterThan(0)
    expect(new Set(got.totals)).toEqual(new Set([got.ids.length]))
    const own = all.filter((c) => (c.payload as { department?: string }).department === 'chengguan')
    expect(got.ids.every((id) => own.some((c) => c.id === id))).toBe(true)
  })

  it('refuses someone without a staff grant', async () => {
    const resident: Actor = { userId: 'res-1', name: '居民', grants: [{ role: 'resident', unitCode: '440111' }] }
    expect(await queue(d, resident, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await queue(d, { userId: 'new', name: '', grants: [] }, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('queue totals above 10,000', () => {
  it('counts exactly up to the cap and says 「1万+」 above it', async () => {
    await insert(Array.from({ length: QUEUE_TOTAL_CAP + 1 }, (_, n) => report(n * 3 + 2, { status: 'submitted' })))
    const big = await queue(d, { userId: 'disp-s2', name: '', grants: [{ role: 'dispatcher', unitCode: 'S2' }] }, { statuses: ['submitted'], limit: 20 })
    expect(big).toMatchObject({ ok: true, total: QUEUE_TOTAL_CAP, totalCapped: true })
    if (!big.ok) throw new Error('refused')
    expect(big.cases).toHaveLength(20)
    expect(queueTotalText(big.total, 'totalCapped' in big ? big.totalCapped : undefined)).toBe('1万+')
    // A narrower filter is counted exactly, and says nothing of a cap.
    const small = await queue(d, { userId: 'disp-s2', name: '', grants: [{ role: 'dispatcher', unitCode: 'S2' }] }, { statuses: ['submitted'], category: 'HJ01', limit: 20 })
    expect(small).toMatchObject({ ok: true })
    if (!small.ok) throw new Error('refused')
    expect(small.total).toBeLessThan(QUEUE_TOTAL_CAP)
    expect('totalCapped' in small).toBe(false)
  })
})

describe('mediation.queue by street', () => {
  function mediation(n: number, unitCode: string, committee: string): Case {
    return { ...report(n), kind: 'mediation' as CaseKind, gridCode: null, unitCode, status: 'applied', category: 'neighbour', payload: { committee, facts: '楼上漏水', parties: [], disputeType: 'neighbour' } }
  }

  it('pages the centre through its street’s cases by cursor, and a mediator through their committee’s', async () => {
    const cases = Array.from({ length: 40 }, (_, n) => mediation(n, ['S1', 'C1', 'C2'][n % 3]!, n % 2 ? 'tw-a' : 'tw-b'))
    await insert(cases)
    const pages = async (actor: Actor) => {
      const ids: string[] = []
      let before: string | undefined
      for (let i = 0; i < 50; i++) {
        const r = await mediationQueue(d, actor, { limit: 4, ...(before ? { before } : {}) })
        if (!r.ok) throw new Error(r.message)
        ids.push(...r.cases.map((c) => c.id))
        if (!r.next) return { ids, total: r.total }
        before = r.next
      }
      throw new Error('no end')
    }
    const centre = await pages(dispatcher)
    const inS1 = cases.filter((c) => c.unitCode !== 'C2')
    expect(centre).toEqual({ ids: slaSorted(inS1), total: inS1.length })
    const mediator: Actor = { userId: 'med-1', name: '调解员', grants: [{ role: 'mediator', unitCode: 'S1', committee: 'tw-a' }] }
    const theirs = cases.filter((c) => c.unitCode !== 'C2' && (c.payload as { committee: string }).committee === 'tw-a')
    expect(await pages(mediator)).toEqual({ ids: slaSorted(theirs), total: theirs.length })
  })
})
