/**
 * Outbox faults on the door-access webhook (HTTP, HMAC-signed): a loopback receiver that answers
 * 503, then hangs past the timeout, then recovers after the store is closed and reopened (a
 * restart). Every grant and revoke must reach it at least once, correctly signed, in order per
 * registration (a revoke never before its grant), and none may be lost.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { AccessWebhook } from '../../backend/adapters/webhook/accessWebhook'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Store } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { seedDemo } from '../../backend/seed/seed'
import { actorOf } from '../../backend/usecases/shared/actor'
import { checkIn } from '../../backend/usecases/rental/checkIn'
import { checkOut } from '../../backend/usecases/rental/checkOut'
import { decide } from '../../backend/usecases/rental/decide'
import { recordFaults } from '../support/faultReport'
import { checkInPayload } from '../support/authzWorld'
import { idemKey } from '../support/fixtures'
import { drainOutbox, localDeps } from '../support/localDeps'
import { loopbackReceiver, type Loopback } from '../support/loopback'

const TENANTS = 8
const SECRET = randomBytes(32)
type Phase = 'fail' | 'hang' | 'ok'

let phase: Phase = 'fail'
let attempts = 0
let badSignatures = 0
const received: Array<{ type: string; registrationId: string }> = []
let receiver: Loopback
let url: string

beforeAll(async () => {
  receiver = await loopbackReceiver((req, body, res) => {
    attempts++
    if (phase === 'fail') return void res.writeHead(503).end('busy')
    if (phase === 'hang') return // never answers: the sender must time out
    const ts = String(req.headers['x-jiefang-timestamp'])
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`
    if (req.headers['x-jiefang-signature'] !== expected) {
      badSignatures++
      return void res.writeHead(401).end()
    }
    const e = JSON.parse(body) as { type: string; registrationId: string }
    received.push({ type: e.type, registrationId: e.registrationId })
    res.writeHead(204).end()
  })
  url = receiver.url
})
afterAll(async () => {
  await receiver.close()
})

let nowMs = Date.parse('2026-11-02T02:00:00Z')
const ulid = monotonicFactory()

function depsFor(store: Store): Deps {
  return localDeps(store, {
    clock: { now: () => new Date(nowMs) },
    newId: () => ulid(nowMs),
    config: { ...defaultDistrictConfig(), rateLimits: {} },
    vault: new Vault(Buffer.alloc(32, 7)),
    // The adapter's own timeout, short for the test: a hung receiver costs 300 ms per attempt.
    access: new AccessWebhook(() => url, SECRET, 300),
  })
}

const drain = (d: Deps, rounds: number) => drainOutbox(d, rounds, 2000, () => (nowMs += 2 * 3600 * 1000))

it('delivers every grant and revoke at least once, signed and in order per registration, through 503s, hangs and a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jf-access-'))
  let store: Store = openSqliteStore(dir)
  await seedDemo(store)
  for (let i = 0; i < TENANTS; i++) await store.putUser({ id: `tenant-${i}`, name: `租户${i}`, phone: null, openid: null, grants: [{ role: 'tenant', unitCode: '440111' }], createdAt: new Date(nowMs).toISOString() })
  let d = depsFor(store)
  const manager = actorOf((await store.getUser('demo-building-manager'))!)
  const tenants = await Promise.all(Array.from({ length: TENANTS }, async (_, i) => actorOf((await store.getUser(`tenant-${i}`))!)))

  const ids: string[] = []
  for (const [i, t] of tenants.entries()) {
    const at = { room: `${1 + (i % 6)}0${1 + (i % 3)}`, name: t.name, phone: `1391234${String(1000 + i).slice(-4)}` }
    const r = await checkIn(d, t, { ...checkInPayload(DEMO_BUILDING_CODE, i, idemKey()), ...at } as Parameters<typeof checkIn>[2])
    if (!r.ok) throw new Error(`checkIn: ${r.code} ${r.message}`)
    ids.push(r.registration.id)
  }
  const version = async (id: string) => (await d.store.getCase(id))!.version

  // The receiver fails: grants pile up.
  for (const id of ids) {
    const r = await decide(d, manager, { id, version: await version(id), approve: true })
    if (!r.ok) throw new Error(`decide: ${r.code} ${r.message}`)
  }
  const failing = await drain(d, 3)
  expect(received).toHaveLength(0)

  // The receiver hangs; the tenants move out, so revokes queue behind their undelivered grants.
  phase = 'hang'
  for (const [i, id] of ids.entries()) {
    const r = await checkOut(d, tenants[i]!, { id, version: await version(id) })
    if (!r.ok) throw new Error(`checkOut: ${r.code} ${r.message}`)
  }
  const hanging = await drain(d, 2)
  expect(received).toHaveLength(0)

  // Restart; the receiver is back.
  await store.close()
  store = openSqliteStore(dir)
  d = depsFor(store)
  phase = 'ok'
  const recovered = await drain(d, 6)

  let lost = 0
  let outOfOrder = 0
  let redelivered = 0
  for (const id of ids) {
    const got = received.filter((r) => r.registrationId === id).map((r) => r.type)
    const collapsed = got.filter((t, i) => t !== got[i - 1])
    redelivered += got.length - collapsed.length
    lost += ['grant', 'revoke'].filter((t) => !collapsed.includes(t)).length
    if (JSON.stringify(collapsed) !== JSON.stringify(['grant', 'revoke'])) outOfOrder++
  }
  const undelivered = (await store.dueMessages(new Date(nowMs + 365 * 24 * 3600 * 1000).toISOString(), 10_000)).length
  recordFaults({
    name: `access webhook: 503, hang, restart (${TENANTS} registrations × grant+revoke)`,
    injected: failing.failed + hanging.failed + 1,
    survived: lost + outOfOrder + badSignatures === 0 ? failing.failed + hanging.failed + 1 : 0,
    acknowledged: TENANTS * 2,
    stored: received.length - redelivered,
    lost,
    duplicated: 0,
    note: `${attempts} HTTP attempts, ${redelivered} redeliveries (at least once)`,
  })
  await store.close()
  expect({ lost, outOfOrder, badSignatures, undelivered }).toEqual({ lost: 0, outOfOrder: 0, badSignatures: 0, undelivered: 0 })
  expect(failing.failed).toBeGreaterThanOrEqual(TENANTS)
  expect(hanging.failed).toBeGreaterThanOrEqual(TENANTS)
  expect(recovered.delivered).toBeGreaterThanOrEqual(TENANTS * 2)
}, 60_000)
