/**
 * The fake says no where CloudBase does, and where our index policy does, through the real
 * node-sdk: an unindexed or unlisted condition query, a `where` or a batch inside a transaction,
 * a read past the page size, a temporary-URL call past 50 files. Each refusal reaches the caller
 * as the SDK's TcbError with the service's code and message.
 */
import { caseToDoc } from '../../backend/adapters/cloudbase/cases'
import { CloudbaseFileStore, TEMP_URLS_PER_CALL } from '../../backend/adapters/cloudbase/files'
import { collectionSpecs, type CollectionSpec } from '../../backend/adapters/cloudbase/indexes'
import type { CloudbaseAccess } from '../../backend/adapters/cloudbase/db'
import type { Doc } from '../../backend/adapters/cloudbase/docs'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { at, caseId, makeCase } from '../contract/fixtures'
import { declaredIndexes, FakeCloudbase, MAX_PAGE, parseEjsonText, UNINDEXED, type Json } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
async function startFake(indexes?: CollectionSpec[]): Promise<ReturnType<typeof sdkApp>> {
  fake = new FakeCloudbase(indexes ? { indexes } : {})
  await fake.start()
  return sdkApp(fake)
}
afterEach(async () => {
  await fake?.stop()
})

/** What the SDK rejected with, as a plain object. */
async function refusal(p: Promise<unknown>): Promise<{ code: unknown; message: string; requestId: unknown }> {
  try {
    await p
  } catch (e) {
    const err = e as { code?: unknown; message?: string; requestId?: unknown }
    return { code: err.code, message: String(err.message), requestId: err.requestId }
  }
  throw new Error('expected the call to be refused')
}

/** An adapter document as the fake stores it (plain JSON, as it arrives on the wire). */
const asJson = (d: Doc): { [k: string]: Json } => JSON.parse(JSON.stringify(d)) as { [k: string]: Json }

/** cloudbaserc.json's declarations with one index of jf_cases left out. */
function without(indexName: string): CollectionSpec[] {
  return declaredIndexes().map((c) => (c.collectionName === 'jf_cases' ? { ...c, createIndexes: c.createIndexes.filter((i) => i.name !== indexName) } : c))
}

describe('the strict CloudBase fake', () => {
  it('checks against what cloudbaserc.json declares, which is what indexes.ts says', () => {
    expect(declaredIndexes()).toEqual(collectionSpecs())
  })

  it('refuses a query no declared index serves, naming the collection and fields, as a TcbError', async () => {
    const db = (await startFake()).database()
    const r = await refusal(db.collection('jf_cases').where({ kind: 'report', status: 'submitted' }).get())
    expect(r.code).toBe(UNINDEXED)
    expect(r.message).toContain('no index declared in cloudbaserc.json serves the query on jf_cases (fields kind, status)')
    expect(typeof r.requestId).toBe('string')
    // Counts, updates and removals with a condition are held to the same rule.
    expect((await refusal(db.collection('jf_cases').where({ category: 'road' }).count())).code).toBe(UNINDEXED)
    expect((await refusal(db.collection('jf_cases').where({ category: 'road' }).update({ category: 'x' }))).code).toBe(UNINDEXED)
    expect((await refusal(db.collection('jf_inbox').where({ readAt: null }).remove())).code).toBe(UNINDEXED)
    // A count of the whole collection reads its size; a read by _id needs nothing declared.
    expect((await db.collection('jf_cases').where({}).count()).total).toBe(0)
    expect((await db.collection('jf_cases').doc('nope').get()).data).toEqual([])
  })

  it('refuses the SLA timer query when cloudbaserc.json lacks by_sla, and serves it when declared', async () => {
    const timerQuery = { kind: 'report' as const, statuses: ['submitted', 'accepted'], slaBefore: at(100), order: 'sla' as const, limit: 200 }
    let store = new CloudbaseStore((await startFake(without('by_sla'))).database(), { retryDelayMs: 1 })
    const r = await refusal(store.listCases(timerQuery))
    expect(r.code).toBe(UNINDEXED)
    expect(r.message).toContain('jf_cases (fields kind, status, slaDeadline, ordered by slaDeadline, _id)')
    await store.close()
    await fake.stop()

    store = new CloudbaseStore((await startFake()).database(), { retryDelayMs: 1 })
    fake.db.insert('jf_cases', [asJson(caseToDoc(makeCase({ id: caseId(1), status: 'submitted', slaDeadline: at(50) })))], undefined)
    expect((await store.listCases(timerQuery)).map((c) => c.id)).toEqual([caseId(1)])
    await store.close()
  })

  it('refuses a query an index serves but backend/adapters/cloudbase/queries.ts does not list', async () => {
    const extra = declaredIndexes().map((c) =>
      c.collectionName === 'jf_cases' ? { ...c, createIndexes: [...c.createIndexes, { name: 'by_category', unique: false, keys: [{ name: 'category', direction: '1' as const }] }] } : c,
    )
    const db = (await startFake(extra)).database()
    const r = await refusal(db.collection('jf_cases').where({ category: 'road' }).get())
    expect(r.code).toBe(UNINDEXED)
    expect(r.message).toContain('the query on jf_cases (fields category) is not listed in backend/adapters/cloudbase/queries.ts')
  })

  it('allows only single-document operations by _id inside a transaction', async () => {
    const db = (await startFake()).database()
    const t = await db.startTransaction()
    // A where inside the transaction, even one an index serves.
    const r = await refusal(t.collection('jf_cases').where({ creatorId: 'u1' }).get())
    expect(r.code).toBe('INVALID_PARAM')
    expect(r.message).toContain('a transaction allows only single-document operations by _id')
    // A batch insert.
    expect((await refusal(t.collection('jf_follows').add([{ _id: 'a' }, { _id: 'b' }]))).code).toBe('INVALID_PARAM')
    // One document by _id: read, write, add one, remove.
    expect((await t.collection('jf_cases').doc('c1').get()).data).toBeNull()
    await t.collection('jf_cases').doc('c1').set({ creatorId: 'u1' })
    await t.collection('jf_follows').add({ _id: 'f1', userId: 'u1' })
    await t.collection('jf_follows').doc('f1').remove()
    await t.commit()
    expect((await db.collection('jf_cases').doc('c1').get()).data).toEqual([{ _id: 'c1', creatorId: 'u1' }])
  })

  it("stops the adapter from a where's update inside a transaction, which the SDK would send outside it", async () => {
    const store = new CloudbaseStore((await startFake()).database(), { retryDelayMs: 1 })
    const access = (store as unknown as { access: CloudbaseAccess }).access
    await expect(access.inTransaction((coll) => coll('cases').where({ creatorId: 'u1' }).update({ category: 'x' }))).rejects.toThrow(
      'where() inside a CloudBase transaction: only doc(id).get/set/update/remove and add are transactional',
    )
    // Nothing reached the service but the transaction's start and its rollback.
    expect(fake.calls('database.modifyDocument')).toHaveLength(0)
    expect(fake.calls('database.abortTransaction')).toHaveLength(1)
    await store.close()
  })

  it('returns at most 1000 documents a read (100 when no limit is named), also when asked for more on the wire', async () => {
    const db = (await startFake()).database()
    const docs = Array.from({ length: MAX_PAGE + 100 }, (_, i) => ({ _id: `u${String(i).padStart(5, '0')}`, name: `unit ${i}` }))
    fake.db.insert('jf_units', docs, undefined)
    expect((await db.collection('jf_units').orderBy('_id', 'asc').limit(5000).get()).data).toHaveLength(MAX_PAGE)
    expect((await db.collection('jf_units').orderBy('_id', 'asc').get()).data).toHaveLength(100)
    // The SDK caps limit itself; the service does too for a client that does not.
    const raw = await fetch(fake.serviceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'jf_units', queryType: 'WHERE', order: JSON.stringify({ _id: 1 }), limit: 5000 }),
    })
    expect(((await raw.json()) as { data: { list: unknown[] } }).data.list).toHaveLength(MAX_PAGE)
  })

  it('walks a case query with no indexed field a page of the _id index at a time', async () => {
    const store = new CloudbaseStore((await startFake()).database(), { retryDelayMs: 1 })
    const many = Array.from({ length: MAX_PAGE + 50 }, (_, i) => caseToDoc(makeCase({ id: caseId(i + 1), idempotencyKey: `k${i}`, kind: i % 2 === 0 ? 'mediation' : 'report', createdAt: at(i) })))
    fake.db.insert('jf_cases', many.map(asJson), undefined)
    const seen = fake.calls('database.getDocument').length
    expect(await store.countCases({ kind: 'mediation' })).toBe(Math.ceil(many.length / 2))
    // Two reads of at most 1000, newest first: no condition on the first, then below the last _id seen.
    const reads = fake.calls('database.getDocument').slice(seen)
    expect(reads).toHaveLength(2)
    expect(reads[0]!.body.query).toBeUndefined()
    expect(parseEjsonText(reads[1]!.body.query)).toEqual({ _id: { $lt: caseId(many.length - MAX_PAGE + 1) } })
    expect((await store.listCases({ kind: 'mediation', limit: 200, before: caseId(3) })).map((c) => c.id)).toEqual([caseId(1)])
    expect((await store.listCases({ kind: 'report', order: 'sla', limit: 2 })).map((c) => c.id)).toEqual([caseId(2), caseId(4)])
    await store.close()
  })

  it('takes at most 50 files a temporary-URL call, and the file store batches many files in calls of 50', async () => {
    const app = await startFake()
    const ids = Array.from({ length: TEMP_URLS_PER_CALL + 1 }, (_, i) => `cloud://test-env.bucket/jiefang/files/p${i}.jpg`)
    for (let i = 0; i < ids.length; i++) fake.files.set(`jiefang/files/p${i}.jpg`, Buffer.from([i]))
    const r = await refusal(app.getTempFileURL({ fileList: ids.map((fileID) => ({ fileID, maxAge: 60 })) }))
    expect(r.code).toBe('INVALID_PARAM')
    expect(r.message).toContain('at most 50 files a call')

    const files = new CloudbaseFileStore(app, 'jiefang/files', 'test-env')
    const before = fake.calls('storage.batchGetDownloadUrl').length
    const urls = await files.tempUrls([...ids, ids[0]!])
    expect(fake.calls('storage.batchGetDownloadUrl').length - before).toBe(2)
    expect(urls).toHaveLength(ids.length + 1)
    expect(urls[0]).toMatch(/\/cos\/jiefang\/files\/p0\.jpg\?sign=tmp/)
    expect(urls[ids.length]).toBe(urls[0])
    await expect(files.tempUrls(['cloud://test-env.bucket/jiefang/files/gone.jpg'])).rejects.toThrow(/no temporary URL for .*gone\.jpg: STORAGE_FILE_NONEXIST/)
  })

  it('applies a field projection as the service does, and refuses one it cannot apply', async () => {
    const db = (await startFake()).database()
    const coll = db.collection('jf_announcements')
    await coll.add({ _id: 'a1', authorId: 'w1', title: '停水通知', gridCodes: ['G1', 'G2'], scopeLabel: '全街' })
    const got = async (q: { get(): Promise<unknown> }) => ((await q.get()) as { data: unknown[] }).data
    expect(await got(coll.where({ _id: 'a1' }).field({ gridCodes: false }))).toEqual([{ _id: 'a1', authorId: 'w1', title: '停水通知', scopeLabel: '全街' }])
    expect(await got(coll.where({ _id: 'a1' }).field({ title: true }))).toEqual([{ _id: 'a1', title: '停水通知' }])
    expect(await got(coll.where({ _id: 'a1' }).field({ _id: false, title: true }))).toEqual([{ title: '停水通知' }])
    expect((await refusal(coll.where({ _id: 'a1' }).field({ title: true, gridCodes: false }).get())).message).toContain('cannot mix inclusion and exclusion')
  })
})
