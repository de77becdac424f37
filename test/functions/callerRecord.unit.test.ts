/**
 * The resolved caller's record (issue 21): the boundary reads the caller on every call, and a use
 * case that only shows or consults that record (the profile, a rate-limit subject, the author's
 * name on the caller's own announcements) takes it from there instead of reading it again. The
 * answers are exactly those of a fresh read; the record belongs to one call's actor and to no other.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import type { Store } from '../../backend/ports'
import { seedDemo } from '../../backend/seed/seed'
import { profile } from '../../backend/usecases/account/profile'
import { publish } from '../../backend/usecases/grid/publish'
import { published } from '../../backend/usecases/grid/published'
import { actorOf, callerRecord, resolveCaller } from '../../backend/usecases/shared/actor'
import { probeSubject } from '../../backend/usecases/shared/rateLimit'
import type { Actor } from '../../src/core/roles'
import type { OpenedStore } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
let opened: OpenedStore
let d: Deps
/** User reads the use cases made (getUser and getUsers), counted apart from the boundary's. */
let userReads = 0

/** The store with its user reads counted. */
function counted(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown
      if (key !== 'getUser' && key !== 'getUsers') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
      return (...args: unknown[]) => {
        userReads++
        return (v as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
}

beforeEach(async () => {
  opened = await openTempSqliteStore('jf-caller-record-')
  const vault = new Vault(randomBytes(32))
  await seedDemo(opened.store, vault)
  d = localDeps(counted(opened.store), {
    clock: { now: () => new Date('2026-12-01T02:00:00.000Z') },
    newId: () => ulid(),
    config: defaultDistrictConfig(),
    vault,
    identity: { resolve: async (ctx) => ctx as { userId: string } },
  })
})
afterEach(async () => {
  await opened.cleanup()
})

/** The caller as the function boundary resolves them. */
async function resolved(userId: string): Promise<Actor> {
  const c = await resolveCaller(d, { userId })
  if (!c || 'ok' in c || !c.actor) throw new Error(`no caller ${userId}`)
  return c.actor
}

/** The same person as an actor made from a fresh read, which carries no record. */
async function plain(userId: string): Promise<Actor> {
  return actorOf((await opened.store.getUser(userId))!)
}

it('gives each resolved call its own record, which a copy of the actor or another actor does not carry', async () => {
  const a = await resolved('demo-resident')
  const b = await resolved('demo-resident')
  expect(callerRecord(a)).toEqual(await opened.store.getUser('demo-resident'))
  expect(callerRecord(b)).not.toBe(callerRecord(a))
  expect(callerRecord({ ...a })).toBeNull()
  expect(callerRecord(await plain('demo-resident'))).toBeNull()
  // An actor whose id was changed after resolution is not answered with the record of another person.
  b.userId = 'demo-dispatcher'
  expect(callerRecord(b)).toBeNull()
})

it('still reads grants afresh on every call: a revocation stops the very next one', async () => {
  await resolved('demo-grid-worker')
  const u = (await opened.store.getUser('demo-grid-worker'))!
  await opened.store.putUser({ ...u, grants: [] })
  expect(await resolveCaller(d, { userId: 'demo-grid-worker' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('answers the profile from the resolved record, exactly as from a fresh read', async () => {
  const actor = await resolved('demo-resident')
  userReads = 0
  const fromRecord = await profile(d, actor)
  expect(userReads).toBe(0)
  expect(fromRecord).toEqual(await profile(d, await plain('demo-resident')))
  expect(fromRecord).toMatchObject({ ok: true })
})

it('counts a probe against the same subject, from the resolved record', async () => {
  const actor = await resolved('demo-resident')
  userReads = 0
  const subject = await probeSubject(d, actor)
  expect(userReads).toBe(0)
  expect(subject).toBe(await probeSubject(d, await plain('demo-resident')))
})

it('names the author of the caller\'s own announcements from the resolved record, as before', async () => {
  const actor = await resolved('demo-grid-worker')
  userReads = 0
  const r = await publish(d, actor, { idempotencyKey: randomBytes(12).toString('hex'), type: 'notice', title: '停水通知', body: '明天上午停水', target: { kind: 'grids', codes: ['440111010001001'] } })
  const mine = await published(d, actor, {})
  expect(userReads).toBe(0)
  const name = (await opened.store.getUser('demo-grid-worker'))!.name
  expect(r).toMatchObject({ ok: true, announcement: { authorName: name } })
  expect(mine.items.map((a) => a.authorName)).toEqual([name])
  expect(mine).toEqual(await published(d, await plain('demo-grid-worker'), {}))
})
