/**
 * An emergency's subscribe-message fan-out (grid/notices.ts pushEmergency) at a street's scale:
 * the requests it costs grow with members / 500, not with members, on SQLite (store calls) and
 * on the strict CloudBase fake (requests on the wire); the same members get one push each, only
 * with a consent, and a delivery interrupted mid-way and retried queues none twice.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import type { OutboxMessage, Store } from '../../backend/ports'
import { NOTICES } from '../../backend/usecases/inbox/notices'
import { GRID_ANNOUNCEMENT } from '../../backend/usecases/grid/topics'
import { at, makeAnnouncement, makeMembership, makeUser } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest, quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()
jest.setTimeout(120_000)

const TEMPLATE = 'tpl-grid-emergency-01'
const gridEmergency = { id: TEMPLATE, long: false, fields: { title: 'thing1', status: 'phrase2', time: 'time3' } }
const config = { ...defaultDistrictConfig(), subscribeTemplates: { caseProgress: null, mediation: null, checkinDecision: null, gridEmergency, help: null }, rateLimits: {} }
const GRIDS = ['G1', 'G2', 'G3']
const ANNOUNCEMENT = makeAnnouncement({ type: 'emergency', gridCodes: GRIDS, title: '燃气泄漏，请立即撤离' })
const MSG: OutboxMessage = { id: 'msg-emergency-1', topic: GRID_ANNOUNCEMENT, key: `ann:${ANNOUNCEMENT.id}`, payload: { announcementId: ANNOUNCEMENT.id }, createdAt: at(1), attempts: 0, nextAttemptAt: at(1), deliveredAt: null, lastError: null }

/** Member i: every 7th has no WeChat binding, every 11th deleted their account, four in five consented; every 13th is in two of the grids. */
const member = (i: number) => `m${String(i).padStart(5, '0')}`
const bound = (i: number) => i % 7 !== 0 && i % 11 !== 0
const consented = (i: number) => i % 5 !== 4
const pushId = (i: number) => `${MSG.id}-push-${member(i)}`

async function inParallel<T>(xs: readonly T[], f: (x: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < xs.length; i += 50) await Promise.all(xs.slice(i, i + 50).map(f))
}

async function seed(store: Store, n: number): Promise<void> {
  const all = Array.from({ length: n }, (_, i) => i)
  await inParallel(all, (i) => store.putUser(makeUser({ id: member(i), openid: i % 7 === 0 ? null : `o-${member(i)}`, deletedAt: i % 11 === 0 ? at(0) : undefined })))
  await inParallel(all, async (i) => {
    await store.putMembership(makeMembership({ gridCode: GRIDS[i % 3]!, userId: member(i), status: 'joined', requestedAt: at(0) }))
    if (i % 13 === 0) await store.putMembership(makeMembership({ gridCode: GRIDS[(i + 1) % 3]!, userId: member(i), status: 'joined', requestedAt: at(0) }))
  })
  await inParallel(all.filter(consented), (i) => store.addSubscribeQuota(member(i), TEMPLATE, 1))
  await store.addAnnouncement(ANNOUNCEMENT)
}

/** Counts the store's method calls (SQLite: each is one statement batch on the writer or reader). */
function counting(store: Store): { store: Store; calls: () => number; failEnqueueMany: (nth: number) => void } {
  let calls = 0
  let failAt = 0
  let enqueues = 0
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver)
      if (typeof v !== 'function') return v
      return (...args: unknown[]) => {
        calls++
        if (key === 'enqueueMany' && ++enqueues === failAt) return Promise.reject(new Error('SQLITE_BUSY: database is locked'))
        return (v as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store: proxy, calls: () => calls, failEnqueueMany: (nth) => ((failAt = nth), (enqueues = 0)) }
}

interface Rig {
  d: Deps
  store: Store
  seed: (n: number) => Promise<void>
  /** Requests so far: SQLite store calls, CloudBase requests on the wire. */
  requests: () => number
  failEnqueueMany: (nth: number) => void
  close: () => Promise<void>
}

const seeded = new Map<number, FakeCloudbase['db']['collections']>()

const adapters: Array<[string, () => Promise<Rig>]> = [
  [
    'SQLite',
    async () => {
      const raw = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-fanout-')))
      const c = counting(raw)
      const d = localDeps(c.store, { clock: { now: () => new Date(at(2)) }, newId: () => 'unused', config })
      return { d, store: raw, seed: (n) => seed(raw, n), requests: c.calls, failEnqueueMany: c.failEnqueueMany, close: () => raw.close() }
    },
  ],
  [
    'CloudBase',
    async () => {
      const fake = new FakeCloudbase()
      await fake.start()
      const raw = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
      const c = counting(raw)
      const d = localDeps(c.store, { clock: { now: () => new Date(at(2)) }, newId: () => 'unused', config })
      return {
        d,
        store: raw,
        // Seeding 1,200 members through the SDK takes ~25 s on a loaded machine: once per size, then copied.
        seed: async (n) => {
          const saved = seeded.get(n)
          if (!saved) {
            await seed(raw, n)
            seeded.set(n, structuredClone(fake.db.collections))
          } else for (const [name, docs] of structuredClone(saved)) fake.db.collections.set(name, docs)
        },
        requests: () => fake.roundTrips().total,
        failEnqueueMany: c.failEnqueueMany,
        close: async () => {
          await raw.close()
          await fake.stop()
        },
      }
    },
  ],
]

async function expectPushedOnce(store: Store, n: number): Promise<void> {
  const all = Array.from({ length: n }, (_, i) => i)
  const queued = new Set(await store.queuedIds(all.map(pushId)))
  expect(all.filter((i) => queued.has(pushId(i)))).toEqual(all.filter((i) => bound(i) && consented(i)))
  const quotas = await store.subscribeQuotasOf(all.map(member))
  // Each pushed member spent their one consent; the rest kept theirs.
  for (const i of all.filter(consented)) expect([i, quotas.get(member(i))?.[0]?.remaining]).toEqual([i, bound(i) ? 0 : 1])
}

describe.each(adapters)('emergency push fan-out on %s', (_name, open) => {
  let rig: Rig
  beforeEach(async () => {
    rig = await open()
  })
  afterEach(() => rig.close())

  const deliver = async (): Promise<number> => {
    const from = rig.requests()
    await NOTICES.deliver(rig.d, MSG)
    return rig.requests() - from
  }

  it('costs requests that grow with members / 500, not with members', async () => {
    await rig.seed(30)
    const small = await deliver()
    await expectPushedOnce(rig.store, 30)
    await rig.close()

    rig = await open()
    await rig.seed(1200)
    const large = await deliver()
    await expectPushedOnce(rig.store, 1200)
    // 1,200 members are three pages of 500 to 30's one: a handful of requests per page more.
    expect(large - small).toBeLessThanOrEqual(2 * 8)
    expect(large).toBeLessThan(1200 / 20)
    // Delivered again (the outbox retries a message whose mark was lost): nothing new, no consent taken.
    const again = await deliver()
    expect(again).toBeLessThanOrEqual(large)
    await expectPushedOnce(rig.store, 1200)
  })

  it('finishes a delivery interrupted after its first page, queuing each push once', async () => {
    await rig.seed(1200)
    rig.failEnqueueMany(2)
    await expect(NOTICES.deliver(rig.d, MSG)).rejects.toThrow()
    // The first page is queued; the second page's consents went back.
    const queued = new Set(await rig.store.queuedIds(Array.from({ length: 1200 }, (_, i) => pushId(i))))
    expect(queued.size).toBeGreaterThan(0)
    expect(queued.size).toBeLessThan(Array.from({ length: 1200 }, (_, i) => i).filter((i) => bound(i) && consented(i)).length)
    await NOTICES.deliver(rig.d, MSG)
    await expectPushedOnce(rig.store, 1200)
  })
})

describe('a page of inbox items on CloudBase (提醒未读 at a street)', () => {
  let fake: FakeCloudbase
  let store: CloudbaseStore
  cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]))

  it('writes 1,200 items in three inserts, and again only those not there yet', async () => {
    const item = (i: number) => ({ id: `remind-${member(i)}`, userId: member(i), caseId: null, title: '请阅读：停水', body: '网格员提醒您阅读公告', createdAt: at(1), readAt: null })
    const first = Array.from({ length: 1200 }, (_, i) => item(i))
    let from = fake.requests.length
    await store.addInbox(first)
    expect(fake.roundTrips(from).total).toBe(3)
    // A retried page: 600 written before, 600 new; the duplicate insert, one read, one insert.
    from = fake.requests.length
    await store.addInbox(Array.from({ length: 600 }, (_, i) => item(600 + i)).concat(Array.from({ length: 600 }, (_, i) => item(1200 + i))))
    expect(fake.roundTrips(from).total).toBeLessThanOrEqual(2 * 3)
    expect(fake.db.collections.get('jf_inbox')?.size).toBe(1800)
    expect((await store.listInbox(member(1799), {})).map((x) => x.id)).toEqual([`remind-${member(1799)}`])
  })
})
