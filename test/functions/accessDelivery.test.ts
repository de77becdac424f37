/**
 * The door-access webhook as one subscriber of the delivery log (issue 20, Part W): what reaches
 * the door system is byte for byte what it always was — the same three x-jiefang-* headers and
 * the body `JSON.stringify(AccessEvent)` in its field order, signed over "<timestamp>.<body>" —
 * and every try, failed or acknowledged, is logged under 'access' without the tenant.
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
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { ACCESS_GRANT, deliverAccess } from '../../backend/usecases/rental/access'
import { checkIn } from '../../backend/usecases/rental/checkIn'
import { decide } from '../../backend/usecases/rental/decide'
import { actorOf } from '../../backend/usecases/shared/actor'
import { checkInPayload } from '../support/authzWorld'
import { idemKey } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { loopbackReceiver, type Loopback } from '../support/loopback'

const SECRET = randomBytes(32)
let nowMs = Date.parse('2026-11-02T02:00:00Z')
const ulid = monotonicFactory(() => 0.5)

let receiver: Loopback
let status = 503
const seen: Array<{ headers: Record<string, string | string[] | undefined>; raw: string[]; body: string }> = []
let store: Store
let d: Deps

beforeAll(async () => {
  receiver = await loopbackReceiver((req, body, res) => {
    seen.push({ headers: req.headers, raw: req.rawHeaders, body })
    res.writeHead(status).end()
  })
  store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-access-log-')))
  await seedDemo(store)
  d = localDeps(store, {
    clock: { now: () => new Date(nowMs) },
    newId: () => ulid(nowMs),
    config: { ...defaultDistrictConfig(), rateLimits: {} },
    vault: new Vault(Buffer.alloc(32, 7)),
    access: new AccessWebhook(() => receiver.url, SECRET, 300),
  })
})
afterAll(async () => {
  await receiver.close()
  await store.close()
})

it('sends the grant exactly as before, and logs the failed try and the acknowledged one under access', async () => {
  const tenant = actorOf((await store.getUser('demo-tenant'))!)
  const manager = actorOf((await store.getUser('demo-building-manager'))!)
  const filed = await checkIn(d, tenant, { ...checkInPayload(DEMO_BUILDING_CODE, 4242, idemKey()), room: '302', name: '刘洋' } as Parameters<typeof checkIn>[2])
  if (!filed.ok) throw new Error(`checkIn: ${filed.code} ${filed.message}`)
  const regId = filed.registration.id
  const r = await decide(d, manager, { id: regId, version: (await store.getCase(regId))!.version, approve: true })
  if (!r.ok) throw new Error(`decide: ${r.code} ${r.message}`)

  // The door system is down: one try (behind the registration's case events, same key), logged, retried later.
  for (let i = 0; i < 5 && seen.length === 0; i++) await deliverDue(d, 100)
  expect(seen).toHaveLength(1)
  const [grant] = (await store.dueMessages('9999-12-31T00:00:00.000Z', 100)).filter((m) => m.topic === ACCESS_GRANT && m.key === regId)
  expect(grant).toMatchObject({ attempts: 1, deliveredAt: null })
  nowMs += 3600 * 1000
  status = 204
  await deliverDue(d, 100)
  expect(seen).toHaveLength(2)

  // The body as the door-access webhook always wrote it: these fields, in this order, nothing else.
  const at = new Date(Date.parse('2026-11-02T02:00:00Z')).toISOString()
  const expected = `{"id":"${grant!.id}","type":"grant","registrationId":"${regId}","buildingCode":"${DEMO_BUILDING_CODE}","room":"302","name":"刘洋","validFrom":"2026-11-01","validUntil":"2027-10-31","at":"${at}"}`
  for (const s of seen) {
    expect(s.body).toBe(expected)
    const names = s.raw.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase())
    expect(names.filter((h) => h.startsWith('x-jiefang-')).sort()).toEqual(['x-jiefang-event-id', 'x-jiefang-signature', 'x-jiefang-timestamp'])
    expect(s.headers['content-type']).toBe('application/json')
    expect(s.headers['x-jiefang-event-id']).toBe(grant!.id)
    const ts = s.headers['x-jiefang-timestamp'] as string
    expect(ts).toMatch(/^\d{10}$/)
    expect(s.headers['x-jiefang-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${expected}`).digest('hex')}`)
  }

  const number = (await store.getCase(regId))!.number ?? null
  const rows = (await store.deliveries('access', { limit: 10 })).reverse()
  expect(rows).toEqual([
    expect.objectContaining({ messageId: grant!.id, event: 'access.grant', caseNumber: number, attempt: 1, ok: false, httpStatus: 503, error: '对方返回 503', dead: false }),
    expect.objectContaining({ messageId: grant!.id, event: 'access.grant', caseNumber: number, attempt: 2, ok: true, httpStatus: 204, error: null, dead: false }),
  ])
  // The log names the registration by number, never the tenant.
  expect(JSON.stringify(rows)).not.toContain('刘洋')
})

it('logs a try that never went out, with its reason', async () => {
  const offline = { ...d, access: new AccessWebhook(() => null, SECRET) }
  const msg = { id: ulid(nowMs), topic: ACCESS_GRANT, key: 'reg-none', payload: { id: 'x', type: 'grant', registrationId: 'reg-none', buildingCode: DEMO_BUILDING_CODE, room: '101', name: null, validFrom: '2026-11-01', validUntil: '2027-10-31', at: new Date(nowMs).toISOString() }, createdAt: new Date(nowMs).toISOString(), attempts: 3, nextAttemptAt: new Date(nowMs).toISOString(), deliveredAt: null, lastError: null }
  await expect(deliverAccess(offline, msg)).rejects.toThrow(/not configured/)
  const [row] = await store.deliveries('access', { limit: 1 })
  expect(row).toMatchObject({ messageId: msg.id, attempt: 4, ok: false, httpStatus: null, error: '未配置门禁系统地址', caseNumber: null })
})
