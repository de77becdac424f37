/**
 * The SLA and rental timers, run in process on the CloudBase store over the strict fake: every
 * query they send each minute (overdue reports, mediation deadlines, unconfirmed resolutions,
 * lease ends, retention, the outbox) is listed and served by an index cloudbaserc.json declares.
 * Without by_sla or by_created the same runs are refused, naming the query.
 */
import type { CollectionSpec } from '../../backend/adapters/cloudbase/indexes'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import { rentalTick } from '../../backend/usecases/rental/leaseAndRetention'
import { tick } from '../../backend/usecases/shared/slaTimer'
import type { Case } from '../../src/core/case'
import { at, caseId, makeCase } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { declaredIndexes, FakeCloudbase, UNINDEXED } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
let store: CloudbaseStore
afterEach(async () => {
  await store?.close()
  await fake?.stop()
})

const NOW = new Date(Date.parse(at(0)) + 30 * 86_400_000)
let n = 0

async function timersDeps(indexes?: CollectionSpec[]): Promise<Deps> {
  fake = new FakeCloudbase(indexes ? { indexes } : {})
  await fake.start()
  store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  return { ...localDeps(store, { clock: { now: () => NOW }, newId: () => `01JT${String(++n).padStart(22, '0')}`, config: defaultDistrictConfig() }), mode: 'cloudbase' }
}

async function insert(...cases: Case[]): Promise<void> {
  for (const c of cases) await store.transaction((tx) => tx.insertCase(c))
}

function without(indexName: string): CollectionSpec[] {
  return declaredIndexes().map((c) => (c.collectionName === 'jf_cases' ? { ...c, createIndexes: c.createIndexes.filter((i) => i.name !== indexName) } : c))
}

const overdueReport = makeCase({ id: caseId(1), status: 'submitted', slaDeadline: at(60), createdAt: at(0) })
const unconfirmed = makeCase({ id: caseId(2), status: 'resolved', slaDeadline: null, createdAt: at(0), idempotencyKey: 'k2' })

describe('the timers on CloudBase', () => {
  it('run every query on declared indexes: an overdue report is marked, an unconfirmed resolution closes', async () => {
    const d = await timersDeps()
    await insert(overdueReport, unconfirmed)
    const r = await tick(d)
    expect(r).toMatchObject({ overdue: 1, autoClosed: 1, conflicts: 0 })
    expect((await store.getCase(overdueReport.id))?.version).toBe(2)
    expect((await store.getCase(unconfirmed.id))?.status).toBe('closed')
    // A second run finds nothing more to do.
    expect(await tick(d)).toMatchObject({ overdue: 0, autoClosed: 0 })
    await expect(rentalTick(d)).resolves.toMatchObject({ leaseOverdue: 0, purged: 0, conflicts: 0 })
  })

  it('are refused without by_sla (the overdue walks) or by_created (the confirmation window)', async () => {
    let d = await timersDeps(without('by_sla'))
    await expect(tick(d)).rejects.toMatchObject({ code: UNINDEXED, message: expect.stringContaining('jf_cases (fields kind, status, slaDeadline') })
    await expect(rentalTick(d)).rejects.toMatchObject({ code: UNINDEXED, message: expect.stringContaining('slaDeadline') })
    await store.close()
    await fake.stop()

    d = await timersDeps(without('by_created'))
    await expect(tick(d)).rejects.toMatchObject({ code: UNINDEXED, message: expect.stringContaining('jf_cases (fields kind, status, createdAt') })
  })
})
