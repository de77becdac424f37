/**
 * A mediator's `mediation.queue` on CloudBase, through the real SDK against the strict loopback
 * fake: their committee's cases of their streets are read by the committee key (payload.committee,
 * index by_committee), paged by cursor with exact totals and nobody else's case; with the street
 * and unit indexes taken away the fake still answers it, so by_committee alone serves the query.
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import { queue } from '../../backend/usecases/mediation/queue'
import type { Case } from '../../src/core/case'
import { fixedClock } from '../../src/core/clock'
import type { OrgUnit } from '../../src/core/org'
import type { Actor } from '../../src/core/roles'
import { at, caseId, makeCase } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { declaredIndexes, FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

const UNITS: OrgUnit[] = [
  { code: 'D', name: '白云区', level: 'district', parentCode: null },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'D' },
  { code: 'S2', name: '同和街道', level: 'street', parentCode: 'D' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
]
const PLACES = ['S1', 'C1', 'S2', 'D']
const STATUSES = ['applied', 'mediating', 'succeeded']

quietSdkRuntime()
let fake: FakeCloudbase
let d: Deps
async function open(indexes = declaredIndexes()): Promise<CloudbaseStore> {
  fake = new FakeCloudbase({ indexes })
  await fake.start()
  const store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  d = localDeps(store, { clock: fixedClock(at(100)), newId: () => 'unused', config: defaultDistrictConfig() })
  await store.putUnits(UNITS)
  return store
}
afterEach(async () => {
  await fake.stop()
})

const cases: Case[] = Array.from({ length: 36 }, (_, n) =>
  makeCase({
    id: caseId(n + 1),
    kind: 'mediation',
    status: STATUSES[n % 3]!,
    unitCode: PLACES[n % 4]!,
    gridCode: null,
    category: 'neighbour',
    createdAt: at(n),
    slaDeadline: n % 5 === 0 ? null : at(50 + (n % 7)),
    payload: { committee: n % 2 ? 'people' : 'traffic', facts: '楼上漏水', parties: [], disputeType: 'neighbour' },
  }),
)
const committeeOf = (c: Case) => (c.payload as { committee: string }).committee

async function insertAll(store: CloudbaseStore): Promise<void> {
  await store.transaction(async (tx) => {
    for (const c of cases) await tx.insertCase(c)
  })
}

function slaSorted(cs: readonly Case[]): string[] {
  return [...cs]
    .sort((a, b) => (a.slaDeadline === b.slaDeadline ? (a.id < b.id ? -1 : 1) : a.slaDeadline === null ? 1 : b.slaDeadline === null ? -1 : a.slaDeadline < b.slaDeadline ? -1 : 1))
    .map((c) => c.id)
}

async function pageThrough(actor: Actor, limit: number): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = []
  const totals: number[] = []
  let before: string | undefined
  for (let i = 0; i < 50; i++) {
    const r = await queue(d, actor, { limit, ...(before ? { before } : {}) })
    if (!r.ok) throw new Error(r.message)
    ids.push(...r.cases.map((c) => c.id))
    totals.push(r.total)
    if (!r.next) return { ids, totals }
    before = r.next
  }
  throw new Error('no end')
}

const mediator = (unitCode: string, committee: string): Actor => ({ userId: 'med-1', name: '调解员', grants: [{ role: 'mediator', unitCode, committee }] })

it('pages a street’s and a district’s mediator through their committee’s cases by the committee key', async () => {
  await insertAll(await open())
  const from = fake.requests.length
  const street = cases.filter((c) => committeeOf(c) === 'people' && ['S1', 'C1'].includes(c.unitCode))
  expect(await pageThrough(mediator('S1', 'people'), 4)).toEqual({ ids: slaSorted(street), totals: expect.arrayContaining([street.length]) })
  const district = cases.filter((c) => committeeOf(c) === 'traffic')
  const got = await pageThrough(mediator('D', 'traffic'), 5)
  expect(got.ids).toEqual(slaSorted(district))
  expect(new Set(got.totals)).toEqual(new Set([district.length]))
  // Every queue query (a cursor is read by its id) named the committee.
  const caseQueries = fake.requests.slice(from).filter((r) => /cases/.test(String(r.body.collectionName)) && JSON.stringify(r.body.query ?? '').includes('kind'))
  expect(caseQueries.length).toBeGreaterThan(0)
  for (const r of caseQueries) expect(JSON.stringify(r.body.query)).toContain('payload.committee')
  const resident: Actor = { userId: 'res-1', name: '居民', grants: [{ role: 'resident', unitCode: 'C1' }] }
  expect(await queue(d, resident, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await queue(d, { userId: 'new', name: '', grants: [] }, { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('is served by by_committee alone: without the street and unit indexes only the centre is refused', async () => {
  const PLACE_INDEXES = ['by_street_status_sla', 'by_unit_status_sla']
  const indexes = declaredIndexes().map((c) => (c.collectionName.endsWith('_cases') ? { ...c, createIndexes: c.createIndexes.filter((i) => !PLACE_INDEXES.includes(i.name)) } : c))
  await insertAll(await open(indexes))
  const theirs = cases.filter((c) => committeeOf(c) === 'people' && ['S1', 'C1'].includes(c.unitCode))
  expect((await pageThrough(mediator('S1', 'people'), 3)).ids).toEqual(slaSorted(theirs))
  await expect(queue(d, { userId: 'disp', name: '', grants: [{ role: 'dispatcher', unitCode: 'S1' }] }, { limit: 20 })).rejects.toThrow(/no index/)
})
