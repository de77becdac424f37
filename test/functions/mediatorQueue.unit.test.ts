/**
 * A mediator's `mediation.queue` read by the committee key (issue 21): a mediator at a street or
 * above is answered by store queries naming their committee (one per committee, and one for a
 * district's own cases), paged by the last case's id in deadline order with exact totals, never
 * showing another committee's case; a mediator below a street, and a phone search, still scan.
 */
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import type { CaseQuery } from '../../backend/ports'
import { queue } from '../../backend/usecases/mediation/queue'
import type { Case, CaseKind } from '../../src/core/case'
import { fixedClock } from '../../src/core/clock'
import { MEDIATION_STATUS_LABELS } from '../../src/core/kinds/mediationTerms'
import type { OrgUnit } from '../../src/core/org'
import { QUEUE_TOTAL_CAP } from '../../src/core/queueTotal'
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
]
const PLACES = ['S1', 'C1', 'S2', 'C2', '440111']
const COMMITTEES = ['tw-a', 'tw-b', 'tw-c']
const STATUSES = Object.keys(MEDIATION_STATUS_LABELS)

let opened: OpenedStore
let d: Deps
/** Every listCases query the use case sent. */
let listed: CaseQuery[]
beforeEach(async () => {
  opened = await openTempSqliteStore('jf-mediator-queue-')
  const deps = localDeps(opened.store, { clock: fixedClock(NOW), newId: () => ulid(), config: defaultDistrictConfig() })
  listed = []
  const store = deps.store
  d = {
    ...deps,
    store: new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'listCases') {
          return (q: CaseQuery) => {
            listed.push(q)
            return target.listCases(q)
          }
        }
        const v = Reflect.get(target, key, receiver)
        return typeof v === 'function' ? v.bind(target) : v
      },
    }),
  }
  await opened.store.putUnits(UNITS)
})
afterEach(async () => {
  await opened.cleanup()
})

function mediation(n: number, o: Partial<Case> = {}, committee = COMMITTEES[n % 3]!): Case {
  const created = new Date(Date.parse(NOW) - (20_000 - n) * 60_000).toISOString()
  return {
    id: ulid(Date.parse(created)),
    kind: 'mediation' as CaseKind,
    status: STATUSES[n % STATUSES.length]!,
    unitCode: PLACES[n % PLACES.length]!,
    gridCode: null,
    assigneeId: n % 4 === 0 ? 'med-1' : null,
    category: n % 2 === 0 ? 'neighbour' : 'family',
    payload: { committee, facts: '楼上漏水', parties: [], disputeType: n % 2 === 0 ? 'neighbour' : 'family' },
    creatorId: `res-${n}`,
    idempotencyKey: `k${n}`,
    createdAt: created,
    updatedAt: created,
    // Tied deadlines, past and future ones, and cases without a deadline.
    slaDeadline: n % 11 === 0 ? null : new Date(Date.parse(NOW) + ((n % 13) - 6) * 3600_000).toISOString(),
    version: 1,
    ...o,
  }
}

async function insert(cases: Case[]): Promise<void> {
  await opened.store.transaction(async (tx) => {
    for (const c of cases) await tx.insertCase(c)
  })
}

/** This suite's queue paged through by its cursor (test/support/queuePaging.ts). */
function pageThrough(actor: Actor, filter: Record<string, unknown>, limit: number): Promise<{ ids: string[]; totals: number[] }> {
  return pageAll((input) => queue(d, actor, { ...filter, ...input }), limit)
}

const committeeOf = (c: Case) => (c.payload as { committee: string }).committee
const mediator = (grants: Array<{ unitCode: string; committee: string }>): Actor => ({
  userId: 'med-1',
  name: '调解员',
  grants: grants.map((g) => ({ role: 'mediator' as const, ...g })),
})

describe('a mediator’s queue by committee', () => {
  const all = Array.from({ length: 330 }, (_, n) => mediation(n))
  beforeEach(async () => {
    await insert(all)
  })

  it.each<[string, Actor, (c: Case) => boolean]>([
    ['at a street', mediator([{ unitCode: 'S1', committee: 'tw-a' }]), (c) => committeeOf(c) === 'tw-a' && ['S1', 'C1'].includes(c.unitCode)],
    ['at the district (its own cases too)', mediator([{ unitCode: '440111', committee: 'tw-b' }]), (c) => committeeOf(c) === 'tw-b'],
    ['at the city (the districts’ own cases are the centre’s)', mediator([{ unitCode: '440100', committee: 'tw-b' }]), (c) => committeeOf(c) === 'tw-b' && c.unitCode !== '440111'],
    [
      'of two committees at two streets',
      mediator([
        { unitCode: 'S1', committee: 'tw-a' },
        { unitCode: 'S2', committee: 'tw-c' },
      ]),
      (c) => (committeeOf(c) === 'tw-a' && ['S1', 'C1'].includes(c.unitCode)) || (committeeOf(c) === 'tw-c' && ['S2', 'C2'].includes(c.unitCode)),
    ],
  ])('pages a mediator %s through their committee’s cases: every one once, in deadline order, exact total', async (_name, actor, theirs) => {
    const want = slaSorted(all.filter(theirs))
    expect(want.length).toBeGreaterThan(20)
    for (const limit of [1, 7, 50]) {
      listed = []
      const got = await pageThrough(actor, {}, limit)
      expect(got.ids).toEqual(want)
      expect(new Set(got.totals)).toEqual(new Set([want.length]))
      // Read by the committee key, `limit + 1` a query: never the street's cases scanned.
      expect(listed.length).toBeGreaterThan(0)
      for (const q of listed) expect(q).toMatchObject({ committee: expect.any(String), limit: limit + 1 })
    }
  })

  it.each<[string, Record<string, unknown>, (c: Case) => boolean]>([
    ['open statuses', { statuses: ['applied', 'mediating'] }, (c) => ['applied', 'mediating'].includes(c.status)],
    ['a dispute type', { disputeType: 'neighbour' }, (c) => c.category === 'neighbour'],
    ['their own', { mine: true }, (c) => c.assigneeId === 'med-1'],
  ])('keeps the filter of %s on the committee key', async (_name, filter, matches) => {
    const actor = mediator([{ unitCode: '440111', committee: 'tw-a' }])
    const want = slaSorted(all.filter((c) => committeeOf(c) === 'tw-a' && matches(c)))
    expect(want.length).toBeGreaterThan(3)
    const got = await pageThrough(actor, filter, 4)
    expect(got.ids).toEqual(want)
    expect(new Set(got.totals)).toEqual(new Set([want.length]))
  })

  it('never shows another committee’s case, nor one outside the grant’s streets', async () => {
    const got = await pageThrough(mediator([{ unitCode: 'S2', committee: 'tw-c' }]), {}, 9)
    const byId = new Map(all.map((c) => [c.id, c]))
    expect(got.ids.length).toBeGreaterThan(0)
    for (const id of got.ids) {
      expect(committeeOf(byId.get(id)!)).toBe('tw-c')
      expect(['S2', 'C2']).toContain(byId.get(id)!.unitCode)
    }
    expect(await queue(d, mediator([{ unitCode: 'S1', committee: 'nobody' }]), { limit: 20 })).toMatchObject({ ok: true, cases: [], next: null, total: 0 })
  })

  it('still scans for a mediator below a street (their community only)', async () => {
    const want = slaSorted(all.filter((c) => committeeOf(c) === 'tw-a' && c.unitCode === 'C1'))
    const got = await pageThrough(mediator([{ unitCode: 'C1', committee: 'tw-a' }]), {}, 5)
    expect(got.ids).toEqual(want)
    expect(new Set(got.totals)).toEqual(new Set([want.length]))
  })

  it('refuses a stranger and a resident', async () => {
    expect(await queue(d, { userId: 'new', name: '', grants: [] }, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const resident: Actor = { userId: 'res-1', name: '居民', grants: [{ role: 'resident', unitCode: 'C1' }] }
    expect(await queue(d, resident, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A mediator grant without a committee names no queue.
    expect(await queue(d, { userId: 'm', name: '', grants: [{ role: 'mediator', unitCode: 'S1' }] }, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('a committee’s queue above 10,000 cases', () => {
  it('counts exactly up to the cap, says so above it, and reads 21 rows a query for a page of 20', async () => {
    await insert(Array.from({ length: QUEUE_TOTAL_CAP + 1 }, (_, n) => mediation(n, { unitCode: n % 2 ? 'S1' : 'C1', status: 'applied' }, 'tw-a')))
    await insert(Array.from({ length: 50 }, (_, n) => mediation(QUEUE_TOTAL_CAP + 1 + n, { unitCode: 'S1', status: 'applied' }, 'tw-b')))
    const actor = mediator([{ unitCode: 'S1', committee: 'tw-a' }])
    const first = await queue(d, actor, { statuses: ['applied'], limit: 20 })
    expect(first).toMatchObject({ ok: true, total: QUEUE_TOTAL_CAP, totalCapped: true })
    if (!first.ok) throw new Error('refused')
    expect(first.cases).toHaveLength(20)
    expect(listed).toEqual([expect.objectContaining({ committee: 'tw-a', streetCodes: ['S1'], limit: 21 })])
    // A deep page by cursor is read the same way.
    const second = await queue(d, actor, { statuses: ['applied'], limit: 20, before: first.next! })
    if (!second.ok) throw new Error('refused')
    expect(second.cases).toHaveLength(20)
    expect(second.cases.map((c) => c.id)).not.toContain(first.cases[19]!.id)
    // The other committee's 50 are counted for its own mediator exactly.
    expect(await queue(d, mediator([{ unitCode: 'S1', committee: 'tw-b' }]), { statuses: ['applied'], limit: 20 })).toMatchObject({ ok: true, total: 50 })
  })
})
