/**
 * Case webhooks on the CloudBase store over the strict fake (issue 20, Part W): a 一键求助 followed by
 * a subscriber — the subscriptions read, the deliveries queued once per subscription, the
 * subscription read at delivery and every attempt logged — each on a query shape and index
 * cloudbaserc.json declares. Its events arrive in order, signed, with nothing of the person.
 */
import { randomBytes } from 'node:crypto'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { verifySignature } from '../../backend/adapters/webhook/signedPost'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoRoster } from '../../backend/seed/demoRoster'
import { demoUsers } from '../../backend/seed/demoUsers'
import { accept } from '../../backend/usecases/help/accept'
import { raise } from '../../backend/usecases/help/raise'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { tick } from '../../backend/usecases/shared/slaTimer'
import type { Actor } from '../../src/core/roles'
import { GRID1_POINT } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { loopbackReceiver, type Loopback } from '../support/loopback'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
let store: CloudbaseStore
let receiver: Loopback
afterAll(async () => {
  await receiver?.close()
  await store?.close()
  await fake?.stop()
})

let now = new Date('2026-12-01T04:00:00.000Z')
let n = 0
const users = Object.fromEntries(demoUsers().map((u) => [u.id, u]))
const actor = (id: string): Actor => ({ userId: id, name: users[id]!.name, grants: users[id]!.grants })

it('tells a subscriber of a 一键求助 in order, signed, logged, and nothing once revoked', async () => {
  const got: Array<{ body: string; ts: string; sig: string }> = []
  let status = 503
  receiver = await loopbackReceiver((req, body, res) => {
    if (status < 300) got.push({ body, ts: String(req.headers['x-jiefang-timestamp']), sig: String(req.headers['x-jiefang-signature']) })
    res.writeHead(status).end()
  })
  fake = new FakeCloudbase()
  await fake.start()
  store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  const vault = new Vault(randomBytes(32))
  const d: Deps = { ...localDeps(store, { clock: { now: () => now }, newId: () => `01JH${String(++n).padStart(22, '0')}`, config: defaultDistrictConfig(), vault }), mode: 'cloudbase' }
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  await store.putDutyRoster(demoRoster(now.toISOString()))

  const subId = d.newId()
  const secret = randomBytes(32).toString('base64url')
  await store.addSubscription({ id: subId, name: '区综治中心大屏', url: receiver.url, secretSealed: vault.seal(secret, subId), events: { help: ['created', 'accepted', 'escalated'] }, createdAt: now.toISOString(), createdBy: 'demo-admin', revokedAt: null })

  const r = await raise(d, actor('demo-resident'), { idempotencyKey: 'help-webhook-1', kind: 'family', text: '家里吵架摔东西', location: GRID1_POINT })
  if (!('help' in r)) throw new Error(JSON.stringify(r))
  const drain = async () => {
    for (let i = 0; i < 6; i++) {
      const x = await deliverDue(d, 50)
      if (x.delivered + x.failed === 0) return
    }
  }
  // The receiver is down for the first two tries; the creation waits, the escalation queues behind it.
  await drain()
  now = new Date(now.getTime() + 6 * 60_000)
  expect(await tick(d)).toMatchObject({ helpEscalated: 1 })
  await drain()
  status = 200
  now = new Date(now.getTime() + 11 * 60_000)
  expect(await tick(d)).toMatchObject({ helpEscalated: 1 })
  await drain()
  expect(await accept(d, actor('demo-grid-worker'), { id: r.help.id })).toMatchObject({ ok: true })
  await drain()

  const bodies = got.map((g) => JSON.parse(g.body) as { event: string; case: Record<string, unknown> })
  expect(bodies.map((b) => b.event)).toEqual(['help.created', 'help.escalated', 'help.escalated', 'help.accepted'])
  expect(bodies[0]!.case).toMatchObject({ kind: 'help', status: 'raised', statusLabel: expect.any(String), category: 'family', categoryName: '家庭矛盾', unitName: '云景社区' })
  expect(bodies[3]!.case).toMatchObject({ status: 'taken' })
  for (const g of got) {
    expect(verifySignature(Buffer.from(secret, 'utf8'), { timestamp: g.ts, signature: g.sig }, g.body, Math.floor(Date.now() / 1000))).toBe('ok')
    for (const s of ['家里吵架', '陈小梅', '13800138000', 'demo-', String(GRID1_POINT.lat)]) expect(g.body).not.toContain(s)
  }

  const log = (await store.deliveries(`sub:${subId}`, { limit: 50 })).reverse()
  expect(log.map((x) => [x.event, x.attempt, x.ok, x.error])).toEqual([
    ['help.created', 1, false, '对方返回 503'],
    ['help.created', 2, false, '对方返回 503'],
    ['help.created', 3, true, null],
    ['help.escalated', 1, true, null],
    ['help.escalated', 1, true, null],
    ['help.accepted', 1, true, null],
  ])

  // Revoked: the next request's creation is neither queued nor sent.
  expect(await store.revokeSubscription(subId, now.toISOString())).toBe(true)
  const again = await raise(d, actor('demo-resident-2'), { idempotencyKey: 'help-webhook-2', kind: 'other', text: '楼道有人吵闹', location: GRID1_POINT })
  expect(again).toMatchObject({ ok: true })
  await drain()
  expect(got).toHaveLength(4)
  expect(await store.deliveries(`sub:${subId}`, { limit: 50 })).toHaveLength(6)
})
