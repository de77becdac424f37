/**
 * Case webhooks (issue 20, Part W): an outside system subscribed to case events gets each selected
 * event of each selected kind, HMAC-signed with its own secret, in order per case, retried with
 * back-off and set aside after the tenth failure; every attempt is in the delivery log, a revoked
 * subscription gets nothing new, and no body carries a person. SQLite store, fake clock, real
 * HTTP receivers on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { verifySignature } from '../../backend/adapters/webhook/signedPost'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { DeliveryRecord, OutboxMessage, Store } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { seedDemo } from '../../backend/seed/seed'
import { deadLetters } from '../../backend/usecases/admin/deadLetters'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { NOTICES } from '../../backend/usecases/inbox/notices'
import { WEBHOOK_ATTEMPTS, WEBHOOK_DELIVERY } from '../../backend/usecases/integrations/caseWebhooks'
import { attemptReason } from '../../backend/usecases/integrations/deliveryLog'
import { webhookBody } from '../../backend/usecases/integrations/webhookBody'
import { act } from '../../backend/usecases/report/act'
import { submit } from '../../backend/usecases/report/submit'
import { actorOf } from '../../backend/usecases/shared/actor'
import type { Case } from '../../src/core/case'
import type { EventSelection } from '../../src/core/caseEvents'
import type { Actor } from '../../src/core/roles'
import { GRID1_CODE, reportInput } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { loopbackReceiver, type Loopback } from '../support/loopback'

const DESCRIPTION = '邻居王建国 13912345678 在楼道堆放杂物三天没人清理'
const ADDRESS = '云景路 12 号'

interface Received {
  headers: Record<string, string | string[] | undefined>
  body: string
  json: { id: string; event: string; occurredAt: string; case: Record<string, unknown> }
}

/** A subscriber: its receiver, what reached it, and how it answers the next request. */
interface Subscriber {
  id: string
  secret: string
  received: Received[]
  tries: number
  answer: (r: Received) => number
  receiver: Loopback
}

let nowMs = Date.parse('2026-12-07T02:00:00Z')
const ulid = monotonicFactory(() => 0.5)
const vault = new Vault(Buffer.alloc(32, 9))
let store: Store
let d: Deps
let citizen: Actor
let worker: Actor
let dispatcher: Actor
const subscribers: Subscriber[] = []

beforeAll(async () => {
  store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-webhooks-')))
  await seedDemo(store)
  d = localDeps(store, { clock: { now: () => new Date(nowMs) }, newId: () => ulid(nowMs), config: { ...defaultDistrictConfig(), rateLimits: {} }, vault })
  citizen = actorOf((await store.getUser('demo-resident'))!)
  worker = actorOf((await store.getUser('demo-grid-worker'))!)
  dispatcher = actorOf((await store.getUser('demo-dispatcher'))!)
})
afterAll(async () => {
  for (const s of subscribers) await s.receiver.close()
  await store.close()
})

/** What the admin's 订阅 does (Part K's use case): a fresh secret, sealed under the subscription's id. */
async function subscribe(name: string, events: EventSelection, answer: (r: Received) => number = () => 204, url?: string): Promise<Subscriber> {
  const id = ulid(nowMs)
  const secret = randomBytes(32).toString('base64url')
  const sub: Subscriber = { id, secret, received: [], tries: 0, answer, receiver: undefined as unknown as Loopback }
  sub.receiver = await loopbackReceiver((req, body, res) => {
    sub.tries++
    const r: Received = { headers: req.headers, body, json: JSON.parse(body) as Received['json'] }
    const status = sub.answer(r)
    if (status < 300) sub.received.push(r)
    res.writeHead(status).end()
  })
  subscribers.push(sub)
  const at = new Date(nowMs).toISOString()
  await store.addSubscription({ id, name, url: url ?? sub.receiver.url, secretSealed: vault.seal(secret, id), events, createdAt: at, createdBy: 'demo-admin', revokedAt: null })
  return sub
}

async function newReport(description = DESCRIPTION): Promise<string> {
  const r = await submit(d, citizen, reportInput({ description, location: { lng: 113.32025, lat: 23.181, address: ADDRESS } }))
  if (!r.ok) throw new Error(`submit: ${r.code} ${r.message}`)
  return r.case.id
}

async function move(actor: Actor, id: string, action: string, extra: Record<string, unknown> = {}) {
  const c = (await store.getCase(id))!
  const r = await act(d, actor, { id, action, version: c.version, ...extra })
  if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`)
}

/** Runs the outbox until nothing more is due now (case events, then the deliveries they queued). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const r = await deliverDue(d, 500)
    if (r.delivered + r.failed === 0) return
  }
}

const log = (s: Subscriber) => store.deliveries(`sub:${s.id}`, { limit: 100 })
const pendingOf = async (s: Subscriber): Promise<OutboxMessage[]> =>
  (await store.dueMessages('9999-12-31T00:00:00.000Z', 10_000)).filter((m) => m.topic === WEBHOOK_DELIVERY && m.key.startsWith(`sub:${s.id}:`))
const events = (s: Subscriber, caseNumber?: string) => s.received.filter((r) => !caseNumber || r.json.case.number === caseNumber).map((r) => r.json.event)

describe('a subscriber', () => {
  it('gets the events it selected, signed with its own secret, and a replay outside the window is detectable', async () => {
    const sub = await subscribe('市网格化平台', { report: ['created', 'accepted', 'resolved'] })
    const id = await newReport()
    await move(worker, id, 'accept')
    await settle()
    const c = (await store.getCase(id))!
    expect(events(sub, c.number)).toEqual(['report.created', 'report.accepted'])

    const first = sub.received[0]!
    const headers = { timestamp: first.headers['x-jiefang-timestamp'] as string, signature: first.headers['x-jiefang-signature'] as string }
    const key = Buffer.from(sub.secret, 'utf8')
    const now = Math.floor(Date.now() / 1000)
    expect(verifySignature(key, headers, first.body, now)).toBe('ok')
    // The same delivery captured and sent again later: its timestamp is out of the window.
    expect(verifySignature(key, headers, first.body, Number(headers.timestamp) + 301)).toBe('stale')
    expect(verifySignature(key, headers, first.body, Number(headers.timestamp) - 301)).toBe('stale')
    // Another subscriber's secret, or a body changed on the way, does not verify.
    expect(verifySignature(Buffer.from(randomBytes(32).toString('base64url')), headers, first.body, now)).toBe('bad_signature')
    expect(verifySignature(key, headers, first.body.replace('已上报', '已办结'), now)).toBe('bad_signature')
    expect(first.headers['x-jiefang-event-id']).toBe(first.json.id)
    expect(first.headers['content-type']).toBe('application/json')

    const rows = await log(sub)
    expect(rows).toHaveLength(2)
    for (const r of rows) expect(r).toMatchObject({ ok: true, httpStatus: 204, attempt: 1, error: null, dead: false, caseNumber: c.number })
    expect(rows.map((r) => r.event).sort()).toEqual(['report.accepted', 'report.created'])
  })

  it('reads what the case is and where, never who: no name, phone, description, address, location or id', async () => {
    const sub = await subscribe('区数据中心', { report: ['created'] })
    const id = await newReport()
    await settle()
    const c = (await store.getCase(id))!
    const [got] = sub.received.filter((r) => r.json.case.number === c.number)
    const tree = await d.orgTree()
    expect(got!.json).toEqual({
      id: got!.headers['x-jiefang-event-id'],
      event: 'report.created',
      occurredAt: expect.stringMatching(/^2026-12-07T10:00:\d\d\+08:00$/),
      case: {
        number: c.number,
        kind: 'report',
        status: 'submitted',
        statusLabel: '已上报',
        category: 'HJ01',
        categoryName: expect.any(String),
        unitName: tree.get(GRID1_CODE)!.name,
        gridName: tree.get(GRID1_CODE)!.name,
        createdAt: expect.stringMatching(/\+08:00$/),
        updatedAt: expect.stringMatching(/\+08:00$/),
        slaDeadline: expect.stringMatching(/\+08:00$/),
      },
    })
    expect(got!.json.case.categoryName).not.toBe('HJ01')
    for (const secret of ['王建国', '13912345678', '陈小梅', '13800138000', '楼道堆放杂物', ADDRESS, '113.32', '23.18', 'demo-', id, c.creatorId]) expect(got!.body).not.toContain(secret)
  })

  it('is sent nothing of the kinds and events it did not select', async () => {
    const escalations = await subscribe('街道综治中心', { report: ['escalated'] })
    const mediations = await subscribe('司法所', { mediation: ['created', 'accepted', 'closed'], help: ['created'] })
    const id = await newReport()
    await move(worker, id, 'accept')
    await move(worker, id, 'start')
    await settle()
    expect(escalations.tries).toBe(0)
    await move(worker, id, 'escalate', { note: '需要街道协调', toUnitCode: '440111010' })
    await settle()
    expect(events(escalations)).toEqual(['report.escalated'])
    expect(mediations.tries).toBe(0)
    expect(await pendingOf(mediations)).toEqual([])
  })
})

describe('retries', () => {
  it('back off after each failure and the tenth failure sets the delivery aside; every attempt is logged', async () => {
    const sub = await subscribe('故障中的接收方', { report: ['created'] }, () => 503)
    await newReport()
    await settle()
    expect(sub.tries).toBe(1)
    const gaps: number[] = []
    for (let i = 1; i < WEBHOOK_ATTEMPTS; i++) {
      const [m] = await pendingOf(sub)
      const wait = Date.parse(m!.nextAttemptAt) - nowMs
      gaps.push(wait / 1000)
      // Not due a moment before its time: nothing goes out.
      nowMs += wait - 1000
      await settle()
      expect(sub.tries).toBe(i)
      nowMs += 1000
      await settle()
      expect(sub.tries).toBe(i + 1)
    }
    expect(gaps).toEqual([5, 30, 120, 600, 1800, 3600, 3600, 3600, 3600])
    // Set aside: never tried again.
    expect(await pendingOf(sub)).toEqual([])
    nowMs += 24 * 3600 * 1000
    await settle()
    expect(sub.tries).toBe(WEBHOOK_ATTEMPTS)

    const rows = (await log(sub)).reverse()
    expect(rows.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(rows.every((r) => !r.ok && r.httpStatus === 503 && r.error === '对方返回 503')).toBe(true)
    expect(rows.map((r) => r.dead)).toEqual([false, false, false, false, false, false, false, false, false, true])
    const dead = (await store.deadLetters(50)).find((m) => m.key.startsWith(`sub:${sub.id}:`))
    expect(dead).toMatchObject({ attempts: WEBHOOK_ATTEMPTS, lastError: '已尝试 10 次仍未成功，最后一次：对方返回 503' })
    expect(dead!.payload.title).toMatch(/^\S+-2026-\d{5} 网格事件新建 → 故障中的接收方$/)
    // The administrator's 发送失败的通知 names the subscription and the event, never an id.
    const listed = await deadLetters(d, actorOf((await store.getUser('demo-admin'))!))
    if (!listed.ok) throw new Error(listed.message)
    const item = listed.items.find((i) => i.recipient === '故障中的接收方')
    expect(item).toMatchObject({ notice: '事件订阅', tries: WEBHOOK_ATTEMPTS, reason: '已尝试 10 次仍未成功，最后一次：对方返回 503' })
    expect(item!.title).toMatch(/^\S+-2026-\d{5} 网格事件新建$/)
  })

  it('names a receiver nobody answers at as 无法连接, and one that hangs as 连接超时', async () => {
    const closed = createServer()
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok))
    const port = (closed.address() as AddressInfo).port
    await new Promise((ok) => closed.close(ok))
    const sub = await subscribe('地址错误的接收方', { report: ['created'] }, () => 204, `http://127.0.0.1:${port}/hook`)
    await newReport()
    await settle()
    expect(await log(sub)).toEqual([expect.objectContaining({ ok: false, httpStatus: null, error: '无法连接', attempt: 1, dead: false })])
    expect(attemptReason({ ok: false, httpStatus: null, error: 'timed out after 5000 ms' })).toBe('连接超时')
    expect(attemptReason({ ok: true, httpStatus: 200, error: null })).toBeNull()
  })
})

describe('order', () => {
  it("keeps each case's events in order for a subscriber, while another case's go ahead", async () => {
    let refusedOnce = ''
    const sub = await subscribe('顺序检查', { report: ['created', 'accepted'] }, (r) => {
      if (refusedOnce === '' && r.json.event === 'report.created') {
        refusedOnce = String(r.json.case.number)
        return 500
      }
      return 200
    })
    const a = await newReport()
    const b = await newReport()
    await move(worker, a, 'accept')
    await move(worker, b, 'accept')
    await settle()
    const [na, nb] = [(await store.getCase(a))!.number!, (await store.getCase(b))!.number!]
    expect(refusedOnce).toBe(na)
    // b went through; a's acceptance waits behind its own creation.
    expect(events(sub, nb)).toEqual(['report.created', 'report.accepted'])
    expect(events(sub, na)).toEqual([])
    nowMs += 5000
    await settle()
    expect(events(sub, na)).toEqual(['report.created', 'report.accepted'])
  })
})

describe('a receiver that cannot be reached', () => {
  it('costs one try per run: its other deliveries wait untried (no try counted), then all arrive once it answers', async () => {
    let hung = true
    let requests = 0
    const got: string[] = []
    const receiver = await loopbackReceiver((_req, body, res) => {
      requests++
      // Hung: never answers, so the sender gives up at its timeout.
      if (hung) return
      got.push(String((JSON.parse(body) as Received['json']).case.number))
      res.writeHead(204).end()
    })
    const id = ulid(nowMs)
    const secret = randomBytes(32).toString('base64url')
    const at = new Date(nowMs).toISOString()
    await store.addSubscription({ id, name: '暂时断线的系统', url: receiver.url, secretSealed: vault.seal(secret, id), events: { report: ['created'] }, createdAt: at, createdBy: 'demo-admin', revokedAt: null })
    try {
      const ids = [await newReport(), await newReport(), await newReport()]
      await deliverDue(d, 500) // the case events queue one delivery each
      const queued = async () =>
        (await store.dueMessages('9999-12-31T00:00:00.000Z', 10_000)).filter((m) => m.topic === WEBHOOK_DELIVERY && m.key.startsWith(`sub:${id}:`))
      expect(await queued()).toHaveLength(3)
      await deliverDue(d, 500)
      expect(requests).toBe(1)
      expect(await store.deliveries(`sub:${id}`, { limit: 10 })).toHaveLength(1)
      expect((await queued()).map((m) => m.attempts).sort()).toEqual([0, 0, 1])
      hung = false
      nowMs += 3600 * 1000
      await settle()
      const numbers = await Promise.all(ids.map(async (c) => (await store.getCase(c))!.number!))
      expect([...got].sort()).toEqual([...numbers].sort())
      expect(await queued()).toEqual([])
    } finally {
      await receiver.close()
    }
  }, 30_000)
})

describe('redelivery', () => {
  it('of a case event (a crash before its mark, two timers at once) queues each subscriber one delivery', async () => {
    const sub = await subscribe('重复投递检查', { report: ['created'] })
    const id = await newReport()
    const [event] = (await store.dueMessages(new Date(nowMs).toISOString(), 500)).filter((m) => m.key === id)
    expect(event!.topic).toBe('case.event')
    await NOTICES.deliver(d, event!)
    await NOTICES.deliver(d, event!)
    expect(await pendingOf(sub)).toEqual([expect.objectContaining({ id: `${event!.id}-sub-${sub.id}`, key: `sub:${sub.id}:${id}` })])
    await settle()
    // One delivery (at least once: a retry under load would repeat the same id, never a second delivery).
    expect(new Set(sub.received.map((r) => r.headers['x-jiefang-event-id']))).toEqual(new Set([`${event!.id}-sub-${sub.id}`]))
    expect(await pendingOf(sub)).toEqual([])
  })
})

describe('revoking', () => {
  it('settles what was queued without sending it and queues nothing new', async () => {
    const sub = await subscribe('已停用的系统', { report: ['created', 'accepted'] })
    const id = await newReport()
    await deliverDue(d, 500) // the case event passes the creation on: one delivery queued
    expect(await pendingOf(sub)).toHaveLength(1)
    expect(await store.revokeSubscription(sub.id, new Date(nowMs).toISOString())).toBe(true)
    await settle()
    expect(await pendingOf(sub)).toEqual([])
    await move(dispatcher, id, 'accept')
    await settle()
    expect(await pendingOf(sub)).toEqual([])
    expect(sub.tries).toBe(0)
    expect(await log(sub)).toEqual([] as DeliveryRecord[])
  })
})

describe('the body of a mediation case', () => {
  it('names the dispute type and the unit, has no grid, and carries none of the parties', async () => {
    const tree = await d.orgTree()
    const c = {
      id: 'M-1',
      kind: 'mediation',
      number: '京溪-2026-00007',
      status: 'accepted',
      unitCode: '440111010',
      gridCode: null,
      category: 'neighbour',
      creatorId: 'demo-resident',
      createdAt: '2026-12-01T01:00:00.000Z',
      updatedAt: '2026-12-02T01:00:00.000Z',
      slaDeadline: '2027-01-01T01:00:00.000Z',
      payload: { parties: [{ side: 'applicant', name: '陈*梅', phone: '138****8000' }], facts: '楼上噪音' },
    } as unknown as Case
    const b = webhookBody(d.config, tree, 'W-1', c, 'mediation', 'escalated', { toStatus: 'mediating', at: '2026-12-02T01:00:00.000Z' })
    expect(b).toEqual({
      id: 'W-1',
      event: 'mediation.escalated',
      occurredAt: '2026-12-02T09:00:00+08:00',
      case: {
        number: '京溪-2026-00007',
        kind: 'mediation',
        status: 'mediating',
        statusLabel: '调解中',
        category: 'neighbour',
        categoryName: '邻里纠纷',
        unitName: tree.get('440111010')!.name,
        createdAt: '2026-12-01T09:00:00+08:00',
        updatedAt: '2026-12-02T09:00:00+08:00',
        slaDeadline: '2027-01-01T09:00:00+08:00',
      },
    })
    expect(JSON.stringify(b)).not.toMatch(/陈|138|噪音|M-1|demo-/)
  })
})
