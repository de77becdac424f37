/**
 * 一键求助 on the CloudBase store over the strict fake: raising (the roster read by `_id`, the
 * idempotency claim, the rate count), the helpers' queue, the console's poll, the person's list, the
 * escalation clock and the notices are each served by an index cloudbaserc.json declares — the fake
 * refuses any query that is not.
 */
import { randomBytes } from 'node:crypto'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { Vault } from '../../backend/crypto/vault'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoRoster } from '../../backend/seed/demoRoster'
import { demoUsers } from '../../backend/seed/demoUsers'
import { live } from '../../backend/usecases/help/live'
import { mine } from '../../backend/usecases/help/mine'
import { accept } from '../../backend/usecases/help/accept'
import { queue } from '../../backend/usecases/help/queue'
import { raise } from '../../backend/usecases/help/raise'
import { proxyRaise } from '../../backend/usecases/help/proxyRaise'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { tick } from '../../backend/usecases/shared/slaTimer'
import type { Actor } from '../../src/core/roles'
import { GRID1_POINT } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
let store: CloudbaseStore
afterAll(async () => {
  await store?.close()
  await fake?.stop()
})

let now = new Date('2026-12-01T04:00:00.000Z')
/** The first test's deps (fake, store, clock), which the 代办 test goes on with. */
let deps: Deps
let n = 0
const users = Object.fromEntries(demoUsers().map((u) => [u.id, u]))
const actor = (id: string): Actor => ({ userId: id, name: users[id]!.name, grants: users[id]!.grants })

it('raises, lists, polls, escalates and takes a request with every query on declared indexes', async () => {
  fake = new FakeCloudbase()
  await fake.start()
  store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  const d: Deps = { ...localDeps(store, { clock: { now: () => now }, newId: () => `01JH${String(++n).padStart(22, '0')}`, config: defaultDistrictConfig() }), mode: 'cloudbase' }
  // With the PII vault the 代办 test below needs (the person's name and phone are sealed).
  deps = { ...d, vault: new Vault(randomBytes(32)) }
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  await store.putDutyRoster(demoRoster(now.toISOString()))

  const r = await raise(d, actor('demo-resident'), { idempotencyKey: 'help-cloudbase-1', kind: 'family', text: '家里吵架摔东西', location: GRID1_POINT })
  expect(r).toMatchObject({ ok: true, reached: 3, help: { status: 'raised', communityName: '云景社区' } })
  if (!('help' in r)) return
  expect((await deliverDue(d, 50)).delivered).toBeGreaterThan(0)
  expect((await store.listInbox('demo-helper', { limit: 10 })).map((i) => i.title)).toEqual(['新的一键求助'])
  expect(await queue(d, actor('demo-helper'), {})).toMatchObject({ ok: true, items: [{ id: r.help.id, notifiedCount: 3 }] })
  expect(await live(d, actor('demo-dispatcher'), {})).toMatchObject({ ok: true, openCount: 1 })
  expect(await mine(d, actor('demo-resident'), {})).toMatchObject({ ok: true, items: [{ id: r.help.id }] })

  now = new Date(now.getTime() + 6 * 60_000)
  expect(await tick(d)).toMatchObject({ helpEscalated: 1, conflicts: 0 })
  now = new Date(now.getTime() + 11 * 60_000)
  expect(await tick(d)).toMatchObject({ helpEscalated: 1 })
  expect(await tick(d)).toMatchObject({ helpEscalated: 0 })
  expect(await accept(d, actor('demo-grid-worker'), { id: r.help.id })).toMatchObject({ ok: true, help: { status: 'taken', escalation: 'district' } })
  expect(await accept(d, actor('demo-helper'), { id: r.help.id })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已有人响应' })
})

it('代为求助: an agent asks for the person with them once per key, and hears who is coming for them', async () => {
  const agent = actor('demo-proxy-agent')
  const input = { idempotencyKey: 'help-cloudbase-proxy-1', kind: 'other' as const, text: '老人摔倒了起不来', location: GRID1_POINT, proxy: { name: '王秀英', phone: '13700001234' }, declaration: true as const }
  const r = await proxyRaise(deps, agent, input)
  expect(r).toMatchObject({ ok: true, replayed: false, help: { proxyNote: '代办：代办员 郭秀兰 代 王*英 办理', person: { name: '王秀英', phone: '13700001234' } } })
  if (!('help' in r)) return
  expect(await proxyRaise(deps, agent, input)).toMatchObject({ ok: true, replayed: true, help: { id: r.help.id } })
  expect(await accept(deps, actor('demo-helper'), { id: r.help.id })).toMatchObject({ ok: true })
  // One message per case a run (a case's notices keep their order): the raise's, then the accept's.
  for (let run = 0; run < 3; run++) await deliverDue(deps, 50)
  expect((await store.listInbox('demo-proxy-agent', { limit: 10 })).map((i) => i.title)).toContain('已有人响应您的求助')
})
