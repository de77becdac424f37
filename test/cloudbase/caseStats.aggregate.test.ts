/**
 * `cases.stats` on CloudBase counts server-side: the same few requests for 12 cases as for
 * 2,400 (reading the cases cost a request per 1,000), with the numbers the cases folded give;
 * and the fake refuses aggregations the service would (an unindexed $match, an unknown stage).
 */
import { caseToDoc } from '../../backend/adapters/cloudbase/cases'
import { CaseStatsAccumulator } from '../../backend/adapters/cloudbase/caseStats'
import type { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import type { CaseQuery } from '../../backend/ports'
import type { Case } from '../../src/core/case'
import { at, caseId, makeCase } from '../contract/fixtures'
import type { FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest, type sdkApp } from './sdkApp'

let fake: FakeCloudbase
let store: CloudbaseStore
let app: ReturnType<typeof sdkApp>
cloudbaseForEachTest((f, s, a) => ([fake, store, app] = [f, s, a]))

const NOW = at(60 * 24 * 90)
const TERMINAL = ['resolved', 'closed']
const STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed']

/** Cases over 45 grids (and none), ~80 Shanghai days and 5 statuses: more keys than 20 rows. */
function cases(n: number): Case[] {
  return Array.from({ length: n }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]
    const grid = i % 46 === 0 ? null : `G${i % 46}`
    const createdAt = at(i * 47 + (i % 3) * 60 * 24 * 27)
    const resolvedAt = i % 7 === 0 ? 'not a time' : at(i * 47 + (i % 3) * 60 * 24 * 27 + 30 + (i % 11) * 60)
    return makeCase({
      id: caseId(i + 1),
      status,
      gridCode: grid,
      unitCode: grid ?? 'S1',
      category: ['road', 'light', 'noise'][i % 3],
      createdAt,
      slaDeadline: i % 4 === 0 ? null : at(i * 50),
      payload: TERMINAL.includes(status) || i % 9 === 0 ? { resolvedAt } : {},
    })
  })
}

/** Loaded straight into the fake's documents: the write path is not what is measured. */
function load(cs: Case[]): void {
  fake.db.insert('jf_cases', cs.map((c) => JSON.parse(JSON.stringify({ ...caseToDoc(c), streetCode: 'S1' }))), undefined)
}

function folded(cs: Case[], keep: (c: Case) => boolean) {
  const acc = new CaseStatsAccumulator(NOW, TERMINAL)
  for (const c of cs) if (keep(c)) acc.add(c)
  return acc.result()
}

async function measured(n: number) {
  const cs = cases(n)
  load(cs)
  const scope: CaseQuery = { kind: 'report', streetCodes: ['S1'] }
  const from = fake.requests.length
  const got = await store.caseStats(scope, NOW, TERMINAL)
  const trips = fake.roundTrips(from)
  const want = folded(cs, () => true)
  expect({ ...got, avgHoursToResolve: null }).toEqual({ ...want, avgHoursToResolve: null })
  expect(got.avgHoursToResolve).toBeCloseTo(want.avgHoursToResolve!, 9)
  // A status filter meets the overdue count's own status condition; grids and a category too.
  const grids = ['G1', 'G2', 'G3']
  const open = await store.caseStats({ ...scope, statuses: ['accepted', 'resolved'], gridCodes: grids }, NOW, TERMINAL)
  const wantOpen = folded(cs, (c) => ['accepted', 'resolved'].includes(c.status) && grids.includes(c.gridCode ?? ''))
  expect({ ...open, avgHoursToResolve: null }).toEqual({ ...wantOpen, avgHoursToResolve: null })
  return trips
}

describe('cases.stats by aggregation', () => {
  it('costs the same requests for 12 cases as for 2,400, with the folded numbers', async () => {
    const small = await measured(12)
    fake.db.collections.set('jf_cases', new Map())
    const large = await measured(2_400)
    expect(large).toEqual(small)
    // Four breakdowns and the average (one aggregation each) and the overdue count.
    expect(large.byAction).toEqual({ 'database.aggregateDocuments': 5, 'database.calculateDocument': 1 })
  })

  it('refuses a $match no declared index serves, and stages it does not know', async () => {
    const cases = app.database().collection('jf_cases')
    await expect(cases.aggregate().match({ category: 'road' }).group({ _id: '$status', n: { $sum: 1 } }).end()).rejects.toThrow(/no index/)
    await expect(cases.aggregate().match({ gridCode: 'G1' }).unwind('$tags').end()).rejects.toThrow(/stage \$unwind/)
    await expect(cases.aggregate().group({ _id: '$status' }).end()).rejects.toThrow(/must start with an indexed \$match/)
    await expect(cases.aggregate().match({ gridCode: 'G1' }).group({ _id: '$status', n: { $max: 1 } }).end()).rejects.toThrow(/\$sum and \$avg/)
  })

  it('answers 20 rows unless the aggregation has a $limit', async () => {
    load(cases(200))
    const cases0 = app.database().collection('jf_cases')
    const byDay = (limit?: number) => {
      const a = cases0.aggregate().match({ streetCode: 'S1' }).group({ _id: '$createdAt', n: { $sum: 1 } })
      return (limit === undefined ? a : a.limit(limit)).end()
    }
    expect(((await byDay()) as { data: unknown[] }).data).toHaveLength(20)
    expect(((await byDay(10_000)) as { data: unknown[] }).data).toHaveLength(200)
  })
})
