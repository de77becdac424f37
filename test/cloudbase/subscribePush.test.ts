/**
 * Subscribe messages on the wire: the real node-sdk `callWxOpenApi` against the loopback fake,
 * answering with WeChat's `subscribe/send` bodies and the platform's `{ code, message }` failures,
 * driven by the outbox as the timers drive it. A message arrives once or is set aside with its
 * reason; the in-app inbox and the case's later notices never wait for it.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { SUBSCRIBE_SEND, WechatNotifier } from '../../backend/adapters/wechat/notifier'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import type { Store } from '../../backend/ports'
import { seedDemo } from '../../backend/seed/seed'
import { deadLetters } from '../../backend/usecases/admin/deadLetters'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { PUSH_ATTEMPTS } from '../../backend/usecases/inbox/push'
import { act } from '../../backend/usecases/report/act'
import { submit } from '../../backend/usecases/report/submit'
import { actorOf } from '../../backend/usecases/shared/actor'
import { reportInput } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

const TEMPLATE = 'tpl-case-progress-0001'
const caseProgress = { id: TEMPLATE, long: false, fields: { title: 'thing1', status: 'phrase2', time: 'time3' } }
const config = { ...defaultDistrictConfig(), subscribeTemplates: { caseProgress, mediation: null, checkinDecision: null, gridEmergency: null }, miniprogramState: 'trial' as const, rateLimits: {} }

let nowMs = Date.parse('2026-03-02T01:00:00Z')
const ulid = monotonicFactory(() => 0.5)
let fake: FakeCloudbase
let store: Store
let d: Deps

beforeEach(async () => {
  fake = new FakeCloudbase()
  await fake.start()
  store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-push-')))
  await seedDemo(store)
  await store.putUser({ ...(await store.getUser('demo-resident'))!, openid: 'o-resident' })
  d = localDeps(store, { notifier: new WechatNotifier(sdkApp(fake, 1500)), clock: { now: () => new Date(nowMs) }, newId: () => ulid(nowMs), config })
})
afterEach(async () => {
  await store.close()
  await fake.stop()
})

/** WeChat's answer as node-sdk hands it back in `result`, for the next `n` sends. */
function wechatAnswers(body: unknown, n = 1): void {
  fake.inject((r) => r.action === 'wx.api' && r.body.apiName === SUBSCRIBE_SEND, { json: { data: { responseData: JSON.stringify(body) } } }, n)
}
/** The platform failing the call: `{ code, message }` and no result. */
function platformFails(n = 1): void {
  fake.inject((r) => r.action === 'wx.api' && r.body.apiName === SUBSCRIBE_SEND, { json: { code: 'SYS_ERR', message: 'wx api call failed' } }, n)
}
const sends = () => fake.calls('wx.api').filter((r) => r.body.apiName === SUBSCRIBE_SEND).map((r) => JSON.parse(String(r.body.requestData)) as Record<string, unknown>)

/** The timers' delivery, `rounds` times, each past the longest back-off. */
async function drain(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await deliverDue(d, 500)
    nowMs += 2 * 3600 * 1000
  }
}

/** A report filed by the resident, who consents to `consents` messages, moved by staff through `actions`. */
async function report(consents: number, ...actions: Array<[string, string, Record<string, unknown>?]>): Promise<string> {
  if (consents) await store.addSubscribeQuota('demo-resident', TEMPLATE, consents)
  const r = await submit(d, actorOf((await store.getUser('demo-resident'))!), reportInput())
  if (!r.ok) throw new Error(`${r.code} ${r.message}`)
  for (const [who, action, extra] of actions) {
    const c = (await store.getCase(r.case.id))!
    const m = await act(d, actorOf((await store.getUser(who))!), { id: c.id, action, version: c.version, ...extra })
    if (!m.ok) throw new Error(`${action}: ${m.code} ${m.message}`)
  }
  return r.case.id
}
const REJECT: [string, string, Record<string, unknown>] = ['demo-dispatcher', 'reject', { note: '不属于本辖区受理范围' }]
const ACCEPT: [string, string] = ['demo-grid-worker', 'accept']

const residentInbox = async () => (await store.listInbox('demo-resident', { limit: 100 })).map((i) => i.title)
const remaining = async () => (await store.subscribeQuotas('demo-resident')).find((q) => q.templateId === TEMPLATE)?.remaining ?? 0

it('sends the outcome once, in the configured template and state, and spends one consent', async () => {
  wechatAnswers({ errcode: 0, errmsg: 'ok', msgid: 2200001 })
  const id = await report(2, ACCEPT, REJECT)
  // One event per case per round (submit, accept, reject), then the push.
  await drain(5)
  expect(sends()).toHaveLength(1)
  const [sent] = sends()
  expect(sent).toMatchObject({ touser: 'o-resident', template_id: TEMPLATE, page: `pages/report/detail/index?id=${id}`, miniprogram_state: 'trial' })
  // Only the outcome spends the one-time consent: 已受理 went to the inbox alone.
  expect(sent!.data).toEqual({ thing1: { value: expect.any(String) }, phrase2: { value: '不予受理' }, time3: { value: expect.stringMatching(/^2026年3月2日 \d{2}:\d{2}$/) } })
  expect(await remaining()).toBe(1)
  expect(await store.deadLetters(10)).toEqual([])
  await drain()
  expect(sends()).toHaveLength(1)
})

it('sets a refusal (43101) aside at once with its reason; the inbox has the notice all the same', async () => {
  wechatAnswers({ errcode: 43101, errmsg: 'user refuse to accept the msg rid: 6573' })
  await report(1, REJECT)
  await drain()
  expect(sends()).toHaveLength(1)
  const [dead] = await store.deadLetters(10)
  expect(dead).toMatchObject({ topic: 'subscribe.push', attempts: 1, lastError: '用户拒绝接收，或没有剩余的订阅次数（43101）' })
  expect(await residentInbox()).toHaveLength(1)
  // WeChat says no consent is left: ours stays spent.
  expect(await remaining()).toBe(0)
  // The administrator reads it by name and reason; a resident may not.
  const resident = (await store.getUser('demo-resident'))!
  const list = await deadLetters(d, actorOf((await store.getUser('demo-admin'))!))
  expect(list).toEqual({
    ok: true,
    items: [{ notice: '事项办理进度', recipient: resident.name, title: expect.stringMatching(/^(\S+-\d{4}-\d{5} )?事项不予受理$/), at: expect.any(String), failedAt: expect.any(String), tries: 1, reason: '用户拒绝接收，或没有剩余的订阅次数（43101）' }],
  })
  expect(JSON.stringify(list)).not.toContain(resident.id)
  expect(await deadLetters(d, actorOf(resident))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('forgets a long-term subscription WeChat says is off, so later moves do not fail the same way', async () => {
  d = { ...d, config: { ...config, subscribeTemplates: { ...config.subscribeTemplates, caseProgress: { ...caseProgress, long: true } } } }
  wechatAnswers({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
  const id = await report(2, ACCEPT)
  await drain(4)
  expect(sends()).toHaveLength(1)
  expect(await remaining()).toBe(0)
  const c = (await store.getCase(id))!
  expect(await act(d, actorOf((await store.getUser('demo-grid-worker'))!), { id, action: 'start', version: c.version })).toMatchObject({ ok: true })
  await drain(3)
  expect(sends()).toHaveLength(1)
  expect(await residentInbox()).toEqual(['事项处置中', '事项已受理'])
})

it('sets bad data (47003) aside at once and gives the unspent consent back', async () => {
  wechatAnswers({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' })
  await report(1, REJECT)
  await drain()
  expect(sends()).toHaveLength(1)
  expect((await store.deadLetters(10)).map((m) => m.lastError)).toEqual(['模板数据不符合要求（内容或长度）（47003）'])
  expect(await remaining()).toBe(1)
})

it('retries a network error and a failed platform call, then sends once', async () => {
  fake.inject((r) => r.action === 'wx.api' && r.body.apiName === SUBSCRIBE_SEND, { status: 502 })
  platformFails()
  wechatAnswers({ errcode: -1, errmsg: 'system error' })
  wechatAnswers({ errcode: 0, errmsg: 'ok', msgid: 2200002 })
  await report(1, REJECT)
  await drain(6)
  expect(sends()).toHaveLength(4)
  const pushes = (await store.dueMessages('9999-12-31T00:00:00.000Z', 100)).filter((m) => m.topic === 'subscribe.push')
  expect(pushes).toEqual([])
  expect(await store.deadLetters(10)).toEqual([])
  await drain()
  expect(sends()).toHaveLength(4)
})

it(`sets a push aside after ${PUSH_ATTEMPTS} failed tries, while the inbox and the case's later notices go on`, async () => {
  // Long-term: every move the resident is told of goes out, so a later one follows a failing one.
  d = { ...d, config: { ...config, subscribeTemplates: { ...config.subscribeTemplates, caseProgress: { ...caseProgress, long: true } } } }
  platformFails(100)
  const id = await report(1, ACCEPT)
  await drain(3) // submit, accept (its push queued), the push's first try
  expect(await residentInbox()).toEqual(['事项已受理'])
  const c = (await store.getCase(id))!
  expect(await act(d, actorOf((await store.getUser('demo-grid-worker'))!), { id, action: 'start', version: c.version })).toMatchObject({ ok: true })
  await drain(1)
  expect(await residentInbox()).toEqual(['事项处置中', '事项已受理'])
  await drain(PUSH_ATTEMPTS + 2)
  expect(sends()).toHaveLength(2 * PUSH_ATTEMPTS)
  const dead = await store.deadLetters(10)
  expect(dead.map((m) => [m.attempts, m.lastError])).toEqual(
    Array.from({ length: 2 }, () => [PUSH_ATTEMPTS, `已尝试 ${PUSH_ATTEMPTS} 次仍未成功，最后一次：云开发调用微信接口失败（SYS_ERR）`]),
  )
  expect(await store.dueMessages('9999-12-31T00:00:00.000Z', 100)).toEqual([])
  // A long-term consent is not counted down, nor up.
  expect(await remaining()).toBe(1)
})

it('never sends twice when the notice itself is delivered again (two timers at once, a crash before its mark)', async () => {
  wechatAnswers({ errcode: 0, errmsg: 'ok' }, 5)
  await report(3, REJECT)
  const [event] = await store.dueMessages('9999-12-31T00:00:00.000Z', 10)
  const { NOTICES } = await import('../../backend/usecases/inbox/notices')
  await NOTICES.deliver(d, event!)
  await NOTICES.deliver(d, event!)
  await drain()
  expect(sends()).toHaveLength(1)
  // The second delivery queued nothing and gave back the consent it took.
  expect(await remaining()).toBe(2)
  expect(await residentInbox()).toHaveLength(1)
})

it('keeps the count of consents right when queueing a push fails: the notice goes again and sends once', async () => {
  wechatAnswers({ errcode: 0, errmsg: 'ok' }, 3)
  let failOnce = true
  const real = store
  const flaky = new Proxy(real, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver)
      if (key === 'enqueueOnce' && failOnce) {
        return async () => {
          failOnce = false
          throw new Error('SQLITE_BUSY: database is locked')
        }
      }
      return typeof v === 'function' ? v.bind(target) : v
    },
  })
  d = { ...d, store: flaky }
  await report(2, REJECT)
  await drain(5)
  expect(failOnce).toBe(false)
  expect(sends()).toHaveLength(1)
  expect(await remaining()).toBe(1)
  expect(await residentInbox()).toEqual(['事项不予受理'])
})
