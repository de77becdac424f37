/**
 * 一键求助 on the CloudBase store over the strict fake: raising (the roster read by `_id`, the
 * idempotency claim, the rate count), the helpers' queue, the console's poll, the person's list, the
 * escalation clock and the notices are each served by an index cloudbaserc.json declares — the fake
 * refuses any query that is not.
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
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
let n = 0
const users = Object.fromEntries(demoUsers().map((u) => [u.id, u]))
const actor = (id: string): Actor => ({ userId: id, name: users[id]!.name, grants: users[id]!.grants })

it('raises, lists, polls, escalates and takes a request with every query on declared indexes', async () => {
  fake = new FakeCloudbase()
  await fake.start()
  store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  const d: Deps = { ...localDeps(store, { clock: { now: () => now }, newId: () => `01JH${String(++n).padStart(22, '0')}`, config: defaultDistrictConfig() }), mode: 'cloudbase' }
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
