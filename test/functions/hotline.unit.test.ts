/**
 * 12345 in process: the field mapping read as district data (any JSON at all is answered, never
 * thrown on), and the replies' outbox: ten refused tries set a reply aside with its Chinese reason and
 * a dead mark in the delivery log; a revoked platform's replies are set aside at once.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig, districtConfigSchema } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import type { IntegrationPartner, Store } from '../../backend/ports'
import { deadLetters } from '../../backend/usecases/admin/deadLetters'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { takeOrder } from '../../backend/usecases/hotline/order'
import { categoryFor, readOrder, valueAt } from '../../backend/usecases/hotline/orderFields'
import { HOTLINE_REPLY } from '../../backend/usecases/hotline/replies'
import { act } from '../../backend/usecases/report/act'
import { actorOf } from '../../backend/usecases/shared/actor'
import { seedDemo } from '../../backend/seed/seed'
import { GRID1_POINT } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { loopbackReceiver, type Loopback } from '../support/loopback'

const cfg = defaultDistrictConfig().hotline

describe('the field map', () => {
  const order = {
    orderNo: 'GZ-1',
    classify: { code: 301 },
    content: ' 楼上装修噪音 ',
    location: { lat: '23.181', lng: 113.32025 },
    caller: { name: '', phone: null },
    limitTime: '2026-12-20T18:00:00+08:00',
  }

  it('reads each field at its dotted path, numbers as text, empty optional fields as absent', () => {
    expect(valueAt({ a: { b: [1] } }, 'a.b')).toEqual([1])
    expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined()
    expect(valueAt({}, '__proto__.polluted')).toBeUndefined()
    expect(readOrder(cfg, order)).toEqual({
      ok: true,
      order: { ticket: 'GZ-1', category: '301', text: '楼上装修噪音', lat: 23.181, lng: 113.32025, deadline: '2026-12-20T18:00:00+08:00' },
    })
  })

  it('maps a known platform code to its leaf category and any other to the default', () => {
    expect(categoryFor(cfg, '0301')).toBe('ZY01')
    expect(categoryFor(cfg, '301')).toBe('QT01')
    expect(categoryFor(cfg, 'constructor')).toBe('QT01')
  })

  it('names every misfit by our field and the platform path, in Chinese', () => {
    const r = readOrder(cfg, { orderNo: 'GZ 1', location: { lat: 95 }, caller: { phone: 'abc' }, limitTime: '2026-12-20 18:00' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.details).sort()).toEqual(['callerPhone', 'category', 'deadline', 'lat', 'lng', 'text', 'ticket'])
    for (const [field, message] of Object.entries(r.details)) {
      expect(message).toMatch(/[\u4e00-\u9fff]/)
      expect(message).toContain(`（${cfg.fieldMap[field as keyof typeof cfg.fieldMap]}）`)
    }
  })

  it('answers any JSON at all without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        const r = readOrder(cfg, doc)
        return r.ok || Object.keys(r.details).length > 0
      }),
      { numRuns: 300, seed: 20 },
    )
  })

  it('is district data the configuration checks: mapped categories must be leaves', () => {
    const base = defaultDistrictConfig()
    const bad = districtConfigSchema.safeParse({ ...base, hotline: { ...base.hotline, categoryMap: { '01': 'HJ' }, defaultCategory: 'NOPE' } })
    expect(bad.success).toBe(false)
    if (bad.success) return
    const paths = bad.error.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['hotline.categoryMap.01', 'hotline.defaultCategory']))
    const { hotline: _gone, ...older } = base
    expect(districtConfigSchema.parse(older).hotline).toEqual(base.hotline)
  })
})

describe('replies through the outbox', () => {
  let receiver: Loopback
  let store: Store
  let d: Deps
  let nowMs = Date.parse('2026-12-07T02:00:00Z')
  const ulid = monotonicFactory()
  const vault = new Vault(Buffer.alloc(32, 9))
  let hits = 0

  beforeAll(async () => {
    receiver = await loopbackReceiver((_req, _body, res) => {
      hits++
      res.writeHead(503).end('busy')
    })
    store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-hotline-unit-')))
    await seedDemo(store)
    d = localDeps(store, { clock: { now: () => new Date(nowMs) }, newId: () => ulid(nowMs), config: defaultDistrictConfig(), vault })
  })
  afterAll(async () => {
    await store.close()
    await receiver.close()
  })

  async function partnerWith(id: string, revokedAt: string | null): Promise<IntegrationPartner> {
    const p: IntegrationPartner = {
      id,
      kind: 'hotline',
      name: '测试12345热线',
      jurisdictionId: '440111',
      keyHash: null,
      keyHint: null,
      secretSealed: vault.seal('shared-secret', id),
      webhookUrl: receiver.url,
      createdAt: new Date(nowMs).toISOString(),
      createdBy: 'demo-admin',
      revokedAt,
    }
    await store.addPartner(p)
    return p
  }

  /** An order taken and accepted: one reply queued. */
  async function acceptedOrder(p: IntegrationPartner, ticket: string): Promise<string> {
    const body = JSON.stringify({ orderNo: ticket, classify: { code: '0101' }, content: '垃圾堆积', location: GRID1_POINT, caller: { name: '王芳', phone: '13800001111' }, limitTime: '2026-12-20T18:00:00+08:00' })
    const taken = await takeOrder(d, p, body)
    expect(taken.status).toBe(201)
    const c = await store.findCaseByIdempotency(`partner:${p.id}`, `12345:${ticket}`)
    const gw = actorOf((await store.getUser('demo-grid-worker'))!)
    const r = await act(d, gw, { id: c!.id, action: 'accept', version: c!.version })
    expect(r.ok).toBe(true)
    return c!.number!
  }

  it('sets a reply aside after ten refused tries, each logged in Chinese, the last marked dead', async () => {
    const p = await partnerWith('HLUNIT1', null)
    const number = await acceptedOrder(p, 'GZ-DEAD-1')
    for (let i = 0; i < 12; i++) {
      await deliverDue(d, 50, { timeoutMs: 2000 })
      nowMs += 2 * 3600 * 1000
    }
    const log = (await store.deliveries(`hotline:${p.id}`, { limit: 50 })).reverse()
    expect(log.map((x) => x.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(log.every((x) => x.caseNumber === number && x.event === 'hotline.accepted' && x.error === '对方返回 503' && x.httpStatus === 503)).toBe(true)
    expect(log.map((x) => x.dead)).toEqual([...Array(9).fill(false), true])
    const dead = (await store.deadLetters(10)).filter((m) => m.topic === HOTLINE_REPLY)
    expect(dead).toHaveLength(1)
    expect(dead[0]!.lastError).toBe('已尝试 10 次仍未成功，最后一次：对方返回 503')
    expect(hits).toBe(10)
    // The admin's 发送失败的通知 names the platform and the reply, never an id.
    const admin = actorOf((await store.getUser('demo-admin'))!)
    const listed = await deadLetters(d, admin)
    expect(listed.ok && listed.items.find((x) => x.notice === '12345 热线回复')).toMatchObject({ recipient: '测试12345热线', title: `受理 ${number}`, tries: 10, reason: '已尝试 10 次仍未成功，最后一次：对方返回 503' })
  }, 30_000)

  it('sets a revoked platform’s replies aside at once without calling it', async () => {
    const p = await partnerWith('HLUNIT2', null)
    await acceptedOrder(p, 'GZ-REVOKED-1')
    await store.revokePartner(p.id, new Date(nowMs).toISOString())
    const before = hits
    await deliverDue(d, 50, { timeoutMs: 2000 })
    expect(hits).toBe(before)
    const log = await store.deliveries(`hotline:${p.id}`, { limit: 10 })
    expect(log).toMatchObject([{ attempt: 1, ok: false, dead: true, error: '对接平台已停用，回复不再发送' }])
  })
})
