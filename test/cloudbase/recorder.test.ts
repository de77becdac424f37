/**
 * What the CloudBase adapters put on the wire, recorded from the REAL @cloudbase/node-sdk
 * talking to a loopback server (FakeCloudbase) through `serviceUrl`: collection names, the
 * version condition of a conditional update, query/order/limit of list queries, the
 * transaction protocol, and how transport failures surface (StoreUnavailableError).
 */
import { createHash } from 'node:crypto'
import { CloudbaseFileStore } from '../../backend/adapters/cloudbase/files'
import { caseToDoc } from '../../backend/adapters/cloudbase/cases'
import { withoutId } from '../../backend/adapters/cloudbase/docs'
import { CloudbaseStore, claimId } from '../../backend/adapters/cloudbase/store'
import { StoreUnavailableError } from '../../backend/errors'
import { at, caseId, makeCase, makeEvent, makeMessage } from '../contract/fixtures'
import { FakeCloudbase, parseEjsonText, type RecordedRequest } from './fakeCloudbase'
import { cloudbaseForEachTest, type sdkApp } from './sdkApp'

let fake: FakeCloudbase
let app: ReturnType<typeof sdkApp>
let store: CloudbaseStore
cloudbaseForEachTest((f, s, a) => ([fake, store, app] = [f, s, a]), { timeout: 1500 })
// A function instance lists the org units (its org tree) before it writes a case, and the store
// keeps their streets for the cases' street key (caseStreets.ts): that read is not the write's.
beforeEach(async () => {
  await store.listUnits()
  fake.requests.length = 0
})

const query = (r: RecordedRequest) => parseEjsonText(r.body.query)
const order = (r: RecordedRequest) => parseEjsonText(r.body.order)
const actions = () => fake.requests.map((r) => r.action)

/** Puts a case straight into the fake's committed data, bypassing the adapter. */
function seedCase(c = makeCase()): void {
  fake.db.insert('jf_cases', [JSON.parse(JSON.stringify(caseToDoc(c)))], undefined)
  fake.requests.length = 0
}

describe('cases on the wire', () => {
  it('inserts a case into jf_cases inside a transaction, as a flat document keyed by _id', async () => {
    const c = makeCase({ slaDeadline: '2026-03-01T10:00:00Z' })
    await store.transaction((tx) => tx.insertCase(c))

    expect(actions()).toEqual(['database.startTransaction', 'database.insertDocument', 'database.commitTransaction'])
    const [insert] = fake.calls('database.insertDocument')
    expect(insert.body.collectionName).toBe('jf_cases')
    expect(insert.body.transactionId).toBe(fake.calls('database.commitTransaction')[0].body.transactionId)
    const doc = parseEjsonText((insert.body.data as string[])[0])
    // With its street key: null here, as no org unit is stored (caseStreets.ts).
    expect(doc).toEqual({ ...withoutId(caseToDoc(c)), _id: c.id, streetCode: null })
    // Instants go out as canonical ISO text, so text order is time order on the server.
    expect(doc).toMatchObject({ createdAt: '2026-03-01T08:00:00.000Z', slaDeadline: '2026-03-01T10:00:00.000Z' })
  })

  it('sends the conditional update with both _id and version, and reports the answer', async () => {
    const c = makeCase()
    seedCase(c)
    const next = { ...c, status: 'accepted', version: 2 }

    expect(await store.updateCaseIfVersion(next, 1)).toBe(true)
    const [update] = fake.calls('database.modifyDocument')
    expect(update.body.collectionName).toBe('jf_cases')
    expect(query(update)).toEqual({ _id: c.id, version: 1 })
    expect(update.body.multi).toBe(false)
    // The payload is replaced whole ($set of the object), not merged key by key.
    expect(parseEjsonText(update.body.data)).toMatchObject({ $set: { status: 'accepted', version: 2, payload: c.payload } })

    fake.inject('database.modifyDocument', { json: { data: { updated: 0 } } })
    expect(await store.updateCaseIfVersion({ ...next, version: 3 }, 2)).toBe(false)
    // And against the model: the stored version is 2 now, so version 1 matches nothing.
    expect(await store.updateCaseIfVersion({ ...next, version: 9 }, 1)).toBe(false)
  })

  it('in a transaction, reads the case by id and writes nothing when the version moved', async () => {
    const c = makeCase({ version: 2 })
    seedCase(c)
    const ok = await store.transaction((tx) => tx.updateCase({ ...c, status: 'accepted', version: 2 }, 1))
    expect(ok).toBe(false)
    const [get] = fake.calls('database.getDocument')
    expect(get.body).toMatchObject({ collectionName: 'jf_cases', queryType: 'DOC' })
    expect(get.body.transactionId).toEqual(expect.any(String))
    expect(query(get)).toEqual({ _id: c.id })
    expect(fake.calls('database.modifyDocument')).toHaveLength(0)

    const written = await store.transaction((tx) => tx.updateCase({ ...c, status: 'accepted', version: 3 }, 2))
    expect(written).toBe(true)
    const [set] = fake.calls('database.modifyDocument')
    expect(set.body).toMatchObject({ collectionName: 'jf_cases', queryType: 'DOC', merge: false })
    expect(set.body.transactionId).toEqual(expect.any(String))
    expect(parseEjsonText(set.body.data)).toMatchObject({ status: 'accepted', version: 3 })
  })

  it('lists a creator\'s cases newest first with where, order and limit', async () => {
    await store.listCases({ creatorId: 'u1' })
    await store.listCases({ creatorId: 'u1', statuses: ['submitted', 'accepted'], limit: 10, before: caseId(9) })
    await store.listCases({ creatorId: 'u1', limit: 5000 })

    const [first, paged, capped] = fake.calls('database.getDocument')
    expect(first.body.collectionName).toBe('jf_cases')
    expect(query(first)).toEqual({ creatorId: 'u1' })
    expect(order(first)).toEqual({ _id: -1 })
    expect(first.body.limit).toBe(50)
    expect(query(paged)).toEqual({ creatorId: 'u1', status: { $in: ['submitted', 'accepted'] }, _id: { $lt: caseId(9) } })
    expect(paged.body.limit).toBe(10)
    expect(capped.body.limit).toBe(200)
  })

  it('asks nothing of the service for an empty list filter', async () => {
    expect(await store.listCases({ gridCodes: [] })).toEqual([])
    expect(await store.countCases({ statuses: [] })).toBe(0)
    expect(fake.requests).toHaveLength(0)
  })

  it('queries the SLA queue in deadline order, dated cases first, then undated', async () => {
    await store.listCases({ gridCodes: ['G1'], statuses: ['accepted'], order: 'sla', limit: 20 })
    const [dated, undated] = fake.calls('database.getDocument')
    expect(query(dated)).toEqual({ gridCode: { $in: ['G1'] }, status: { $in: ['accepted'] }, slaDeadline: { $ne: null } })
    expect(Object.entries(order(dated) as object)).toEqual([['slaDeadline', 1], ['_id', 1]])
    expect(query(undated)).toEqual({ gridCode: { $in: ['G1'] }, status: { $in: ['accepted'] }, slaDeadline: null })
    expect(order(undated)).toEqual({ _id: 1 })
  })

  it('counts with calculateDocument and the same filter', async () => {
    seedCase(makeCase({ creatorId: 'u1' }))
    expect(await store.countCases({ creatorId: 'u1', createdAfter: '2026-01-01T00:00:00Z' })).toBe(1)
    const [count] = fake.calls('database.calculateDocument')
    expect(query(count)).toEqual({ creatorId: 'u1', createdAt: { $gt: '2026-01-01T00:00:00.000Z' } })
  })
})

describe('transactions on the wire', () => {
  it('aborts and rethrows the same error when the work throws', async () => {
    const boom = new Error('boom')
    await expect(
      store.transaction(async (tx) => {
        await tx.insertCase(makeCase())
        throw boom
      }),
    ).rejects.toBe(boom)
    expect(actions()).toEqual(['database.startTransaction', 'database.insertDocument', 'database.abortTransaction'])
  })

  it('reruns the work in a fresh transaction after a write conflict', async () => {
    fake.inject('database.insertDocument', { json: { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' } })
    let runs = 0
    await store.transaction(async (tx) => {
      runs++
      await tx.insertCase(makeCase())
    })
    expect(runs).toBe(2)
    const starts = fake.calls('database.startTransaction')
    expect(starts).toHaveLength(2)
    expect(actions().filter((a) => a === 'database.abortTransaction')).toHaveLength(1)
    expect(fake.calls('database.commitTransaction')).toHaveLength(1)
  })

  it('gives up as unavailable when conflicts persist', async () => {
    fake.inject('database.insertDocument', { json: { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' } }, 10)
    const err = await store.transaction((tx) => tx.insertCase(makeCase())).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StoreUnavailableError)
    expect((err as StoreUnavailableError).code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(fake.calls('database.startTransaction')).toHaveLength(4)
  })

  it('claims an idempotency key as a jf_idempotency document whose _id hashes (creator, key)', async () => {
    expect(await store.transaction((tx) => tx.claimIdempotency('u1', 'k1', caseId(1)))).toBeNull()
    const [insert] = fake.calls('database.insertDocument')
    expect(insert.body.collectionName).toBe('jf_idempotency')
    const expectedId = createHash('sha256').update(JSON.stringify(['u1', 'k1'])).digest('hex')
    expect(claimId('u1', 'k1')).toBe(expectedId)
    expect(parseEjsonText((insert.body.data as string[])[0])).toEqual({ _id: expectedId, creatorId: 'u1', key: 'k1', caseId: caseId(1) })
    // Separator games cannot collide two pairs.
    expect(claimId('u1:k', '1')).not.toBe(claimId('u1', 'k:1'))

    expect(await store.transaction((tx) => tx.claimIdempotency('u1', 'k1', caseId(2)))).toBe(caseId(1))
  })

  it('treats a duplicate write on a concurrent claim as a conflict and rereads the holder', async () => {
    fake.inject(
      (r) => {
        if (r.action !== 'database.insertDocument' || r.body.collectionName !== 'jf_idempotency') return false
        // Another create commits its claim just before ours reaches the service.
        fake.db.insert('jf_idempotency', [{ _id: claimId('u1', 'k1'), creatorId: 'u1', key: 'k1', caseId: caseId(7) }], undefined)
        return true
      },
      { json: { code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key error' } },
    )
    expect(await store.transaction((tx) => tx.claimIdempotency('u1', 'k1', caseId(1)))).toBe(caseId(7))
  })

  it('appends events and enqueues messages by id in their collections, with increasing seq', async () => {
    await store.transaction(async (tx) => {
      await tx.appendEvent(makeEvent({ id: 'e1' }))
      await tx.appendEvent(makeEvent({ id: 'e2' }))
      await tx.enqueue(makeMessage({ id: 'm1' }))
    })
    const inserts = fake.calls('database.insertDocument').map((r) => ({
      coll: r.body.collectionName,
      doc: parseEjsonText((r.body.data as string[])[0]) as { _id: string; seq: number },
    }))
    expect(inserts.map((i) => [i.coll, i.doc._id])).toEqual([
      ['jf_timeline', 'e1'],
      ['jf_timeline', 'e2'],
      ['jf_outbox', 'm1'],
    ])
    expect(inserts[1].doc.seq).toBeGreaterThan(inserts[0].doc.seq)
  })
})

describe('outbox on the wire', () => {
  it('walks undelivered messages in creation order', async () => {
    await store.dueMessages(at(10), 5)
    const [scan] = fake.calls('database.getDocument')
    expect(scan.body.collectionName).toBe('jf_outbox')
    expect(query(scan)).toEqual({ deliveredAt: null })
    expect(Object.entries(order(scan) as object)).toEqual([['createdAt', 1], ['seq', 1], ['_id', 1]])
  })

  it('counts a failure with $inc and records the error', async () => {
    await store.markFailed('m1', 'HTTP 503', at(5))
    const [upd] = fake.calls('database.modifyDocument')
    expect(query(upd)).toEqual({ _id: 'm1' })
    expect(parseEjsonText(upd.body.data)).toEqual({ $inc: { attempts: 1 }, $set: { lastError: 'HTTP 503', nextAttemptAt: at(5) } })
  })
})

describe('failures become StoreUnavailableError', () => {
  async function failureOf(p: Promise<unknown>): Promise<unknown> {
    return p.then(
      () => {
        throw new Error('expected a failure')
      },
      (e: unknown) => e,
    )
  }

  it.each([
    ['HTTP 500 with a JSON body', { status: 500, body: '{"message":"internal"}' }, '500'],
    // The SDK parses the body before looking at the status, so an HTML error page surfaces as
    // a parse failure: still unavailable, with the status lost.
    ['HTTP 502 page from a gateway', { status: 502 }, 'BAD_RESPONSE'],
    ['a connection reset', { reset: true as const }, 'ECONNRESET'],
    ['a timeout', { hang: true as const }, 'ESOCKETTIMEDOUT'],
    ['SYS_ERR', { json: { code: 'SYS_ERR', message: 'system error' } }, 'SYS_ERR'],
    ['a busy database', { json: { code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: 'busy' } }, 'EXCEED_CONCURRENT_REQUEST_LIMIT'],
    ['a database timeout', { json: { code: 'DATABASE_TIMEOUT', message: 'timeout' } }, 'DATABASE_TIMEOUT'],
  ])('%s on a read', async (_label, fault, code) => {
    fake.inject('database.getDocument', fault)
    const e = await failureOf(store.getCase(caseId(1)))
    expect(e).toBeInstanceOf(StoreUnavailableError)
    expect((e as StoreUnavailableError).code).toBe(code)
  })

  it('on starting and committing a transaction', async () => {
    fake.inject('database.startTransaction', { status: 503 })
    expect(await failureOf(store.transaction(async () => 1))).toBeInstanceOf(StoreUnavailableError)
    fake.inject('database.commitTransaction', { reset: true })
    expect(await failureOf(store.transaction((tx) => tx.insertCase(makeCase())))).toBeInstanceOf(StoreUnavailableError)
  })

  it('but not for errors a retry cannot fix', async () => {
    fake.inject('database.getDocument', { json: { code: 'DATABASE_PERMISSION_DENIED', message: 'denied' } })
    const e = await failureOf(store.getCase(caseId(1)))
    expect(e).not.toBeInstanceOf(StoreUnavailableError)
    expect((e as { code?: string }).code).toBe('DATABASE_PERMISSION_DENIED')
  })
})

describe('files on the wire', () => {
  it('uploads under jiefang/files, returns the fileID, and reads the same bytes back', async () => {
    const files = new CloudbaseFileStore(app)
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const key = await files.put('01JNCFILE0001', bytes, 'image/jpeg')
    expect(key).toBe('cloud://test-env.bucket/jiefang/files/01/01JNCFILE0001.jpg')
    expect(fake.calls('storage.getUploadMetadata')[0].body.path).toBe('jiefang/files/01/01JNCFILE0001.jpg')
    expect(fake.files.get('jiefang/files/01/01JNCFILE0001.jpg')).toEqual(Buffer.from(bytes))

    expect(await files.get(key)).toEqual(bytes)
    expect(await files.get('cloud://test-env.bucket/jiefang/files/zz/none.jpg')).toBeNull()
    expect(await files.get('../../etc/passwd')).toBeNull()

    const url = await files.tempUrl(key)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cos\/.+sign=tmp&t=600$/)
    const [urlCall] = fake.calls('storage.batchGetDownloadUrl').slice(-1)
    expect(urlCall.body.file_list).toEqual([{ fileid: key, max_age: 600 }])
    await expect(files.tempUrl('cloud://test-env.bucket/missing.jpg')).rejects.toThrow(/STORAGE_FILE_NONEXIST/)
  })

  it('turns storage outages into StoreUnavailableError', async () => {
    const files = new CloudbaseFileStore(app)
    fake.inject('storage.getUploadMetadata', { status: 500 })
    await expect(files.put('01JNCFILE0002', new Uint8Array([1]), 'image/png')).rejects.toBeInstanceOf(StoreUnavailableError)
    fake.inject('storage.batchGetDownloadUrl', { reset: true })
    await expect(files.get('cloud://test-env.bucket/x.png')).rejects.toBeInstanceOf(StoreUnavailableError)
  })

  it('refuses ids that would escape the folder', async () => {
    const files = new CloudbaseFileStore(app)
    await expect(files.put('../x', new Uint8Array([1]), 'image/png')).rejects.toThrow(/plain token/)
    expect(fake.requests).toHaveLength(0)
  })
})
