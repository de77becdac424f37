/**
 * 12345 work orders over HTTP against the built local server: a platform posts a signed order
 * (POST /hotline/v1/orders), staff accept, resolve and record the 回访, and each reply reaches the
 * platform's recorded webhook in order, signed with its secret, carrying the ticket and the result
 * but never the caller. A receiver that answers 503 gets every reply after a server restart.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { signature, verifySignature } from '../../backend/adapters/webhook/signedPost'
import { loadPiiKey, Vault } from '../../backend/crypto/vault'
import type { DeliveryRecord, IntegrationPartner } from '../../backend/ports'
import { advance, move, photo } from '../support/cases'
import { GRID1_POINT } from '../support/fixtures'
import { loopbackReceiver, type Loopback } from '../support/loopback'
import { as, asOpenid, startServer, type Client, type RunningServer } from '../support/server'

const PARTNER = 'HL01GZ12345'
const REVOKED = 'HL02OLD'
const SECRET = randomBytes(32).toString('base64url')
const KEY = Buffer.from(SECRET, 'utf8')
const CALLER = { name: '欧阳晓峰', phone: '13912345678' }

interface Got {
  headers: IncomingHttpHeaders
  body: string
}

let receiver: Loopback
let failing = false
const received: Got[] = []
let dataDir: string
let srv: RunningServer
let gw: Client
let disp: Client

function partner(id: string, revokedAt: string | null, vault: Vault): IntegrationPartner {
  return {
    id,
    kind: 'hotline',
    name: '广州市12345政务服务便民热线',
    jurisdictionId: '440111',
    keyHash: null,
    keyHint: null,
    secretSealed: vault.seal(SECRET, id),
    webhookUrl: receiver.url,
    createdAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'demo-admin',
    revokedAt,
  }
}

beforeAll(async () => {
  receiver = await loopbackReceiver((req, body, res) => {
    if (failing) return void res.writeHead(503).end('busy')
    received.push({ headers: req.headers, body })
    res.writeHead(204).end()
  })
  dataDir = mkdtempSync(join(tmpdir(), 'jf-hotline-'))
  // The partner as integrations.addHotline stores it: the secret sealed with this data directory's key.
  const vault = new Vault(loadPiiKey({}, { dataDir })!)
  const store = openSqliteStore(dataDir)
  await store.addPartner(partner(PARTNER, null, vault))
  await store.addPartner(partner(REVOKED, '2026-12-02T00:00:00.000Z', vault))
  await store.close()
  srv = await startServer({ dataDir, env: { JIEFANG_TIMER_MS: '0' } })
  ;[gw, disp] = await Promise.all([as(srv.url, 'demo-grid-worker'), as(srv.url, 'demo-dispatcher')])
}, 60_000)

afterAll(async () => {
  await srv?.stop()
  await receiver?.close()
})

function order(ticket: string, extra: Record<string, unknown> = {}) {
  return {
    orderNo: ticket,
    classify: { code: '0101', name: '垃圾堆积' },
    content: '来电人反映小区东门垃圾桶满溢多日无人清运，异味严重',
    location: { lat: String(GRID1_POINT.lat), lng: GRID1_POINT.lng, address: '京溪街道云景花园东门' },
    caller: CALLER,
    limitTime: '2026-12-20T18:00:00+08:00',
    ...extra,
  }
}

async function post(body: unknown, opts: { partner?: string; secret?: Buffer; timestamp?: number; path?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body)
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000))
  const res = await fetch(`${srv.url}${opts.path ?? '/hotline/v1/orders'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-jiefang-partner': opts.partner ?? PARTNER,
      'x-jiefang-timestamp': ts,
      'x-jiefang-signature': signature(opts.secret ?? KEY, ts, raw),
    },
    body: raw,
  })
  return { status: res.status, body: (await res.json()) as any }
}

async function caseByNumber(number: string): Promise<any> {
  const q = await disp.call('cases', 'queue', { number, limit: 5 })
  expect(q.ok).toBe(true)
  expect(q.cases).toHaveLength(1)
  return q.cases[0]
}

/** Runs the timers (the outbox among them) until nothing more arrives. */
async function drain(hours = 0) {
  for (let i = 0; i < 3; i++) await advance(srv.url, i === 0 ? hours : 0.01)
}

const repliesFor = (ticket: string) => received.map((r) => JSON.parse(r.body)).filter((b) => b.ticket === ticket)

describe('an order comes in', () => {
  let number: string

  it('creates one report at the grid of its location, with the hotline deadline and the source marked; a duplicate finds it', async () => {
    const first = await post(order('GZ20261207-0001'))
    expect(first).toEqual({ status: 201, body: { ok: true, caseNumber: expect.stringMatching(/^.+-2026-\d{5}$/) } })
    number = first.body.caseNumber
    const again = await post(order('GZ20261207-0001', { content: '重复推送的同一工单' }))
    expect(again).toEqual({ status: 200, body: { ok: true, caseNumber: number, duplicate: true } })
    const listed = await disp.call('cases', 'queue', { number, limit: 5 })
    expect(listed.cases).toHaveLength(1)

    const c = await caseByNumber(number)
    const view = await gw.call('cases', 'get', { id: c.id })
    expect(view.ok).toBe(true)
    expect(view.case).toMatchObject({ status: 'submitted', category: 'HJ01', gridCode: '440111010001001', slaDeadline: '2026-12-20T10:00:00.000Z' })
    // The caller's phone opens for staff on the case; the first row is the platform's.
    expect(view.case.reporter).toMatchObject({ phone: CALLER.phone })
    expect(view.timeline[0]).toMatchObject({ action: 'submit', actorLabel: '对接系统 广州市12345政务服务便民热线' })
  })

  it('keeps the caller sealed at rest', async () => {
    const store = openSqliteStore(srv.dataDir)
    try {
      const c = await store.getCase((await caseByNumber(number)).id)
      const raw = JSON.stringify(c)
      expect(raw).not.toContain(CALLER.phone)
      expect(raw).not.toContain(CALLER.name)
      expect(c!.creatorId).toBe(`partner:${PARTNER}`)
      expect((c!.payload as any).source).toMatchObject({ channel: 'hotline', partnerId: PARTNER, ticket: 'GZ20261207-0001', reporter: { name: '欧*峰' } })
    } finally {
      await store.close()
    }
  })

  it('refuses a bad signature, a stale one, an unknown or revoked partner, and a malformed order, in Chinese', async () => {
    const bad = await post(order('GZ-BAD'), { secret: Buffer.from('not the secret') })
    expect(bad).toMatchObject({ status: 401, body: { ok: false, code: 'UNAUTHENTICATED', message: expect.stringMatching(/签名/) } })
    const stale = await post(order('GZ-STALE'), { timestamp: Math.floor(Date.now() / 1000) - 600 })
    expect(stale).toMatchObject({ status: 401, body: { ok: false, code: 'TIMESTAMP_EXPIRED', message: expect.stringMatching(/过期/) } })
    expect(await post(order('GZ-WHO'), { partner: 'HL99NOBODY' })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } })
    expect(await post(order('GZ-OLD'), { partner: REVOKED })).toMatchObject({ status: 403, body: { ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/停用/) } })

    const missing = await post({ ...order('GZ-MISSING'), content: '', limitTime: '下周五' })
    expect(missing).toMatchObject({ status: 400, body: { ok: false, code: 'VALIDATION' } })
    expect(missing.body.details).toEqual({ text: expect.stringMatching(/诉求内容.*（content）/), deadline: expect.stringMatching(/办理时限.*（limitTime）/) })
    expect(await post('{"orderNo":')).toMatchObject({ status: 400, body: { code: 'VALIDATION', message: expect.stringMatching(/JSON/) } })
    const away = await post(order('GZ-AWAY', { location: { lat: 39.9, lng: 116.4 } }))
    expect(away).toMatchObject({ status: 422, body: { ok: false, code: 'OUT_OF_AREA' } })
    expect(await post(order('GZ-PATH'), { path: '/hotline/v1/requests' })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    // None of the refused tickets made a case.
    const store = openSqliteStore(srv.dataDir)
    try {
      for (const t of ['GZ-BAD', 'GZ-STALE', 'GZ-WHO', 'GZ-OLD', 'GZ-MISSING', 'GZ-AWAY']) {
        expect(await store.findCaseByIdempotency(`partner:${PARTNER}`, `12345:${t}`)).toBeNull()
      }
    } finally {
      await store.close()
    }
  })

  it('maps an unknown platform category to the district default', async () => {
    const r = await post(order('GZ20261207-0002', { classify: { code: '9999' } }))
    expect(r.status).toBe(201)
    expect(await caseByNumber(r.body.caseNumber)).toMatchObject({ category: 'QT01' })
  })

  it('answers acceptance, resolution and the 回访 to the platform in order, signed, with the ticket and the public result only', async () => {
    const c = await caseByNumber(number)
    const accepted = await move(gw, c.id, 'accept')
    expect(accepted).toMatchObject({ ok: true, case: { status: 'accepted', slaDeadline: '2026-12-20T10:00:00.000Z' } })
    // 回访 is for a resolved order only.
    expect(await move(disp, c.id, 'follow_up', { satisfaction: 'satisfied' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const resolved = await move(gw, c.id, 'resolve', { note: '已联系环卫清运，垃圾桶已清空并消毒', noteVisibility: 'public', attachments: [await photo(gw)] })
    expect(resolved).toMatchObject({ ok: true, case: { status: 'resolved' } })
    const offered = await disp.call('cases', 'get', { id: c.id })
    expect(offered.actions.find((a: { action: string }) => a.action === 'follow_up')).toMatchObject({ label: '记录回访', needs: ['satisfaction', 'note'] })
    // A brand-new WeChat identity reaches neither the case nor the move.
    const stranger = await asOpenid(srv.url, 'dev-hotline-stranger')
    const refused = await stranger.call('cases', 'act', { id: c.id, action: 'follow_up', version: resolved.case.version, satisfaction: 'satisfied' })
    expect(refused).toMatchObject({ ok: false })
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(refused.code)
    expect(await move(disp, c.id, 'follow_up', {})).toMatchObject({ ok: false, code: 'VALIDATION', details: { satisfaction: expect.any(String) } })
    const followed = await move(disp, c.id, 'follow_up', { satisfaction: 'basically_satisfied', note: '来电人表示清运及时，希望增加清运频次', noteVisibility: 'public' })
    expect(followed).toMatchObject({ ok: true, case: { status: 'closed', followUp: { satisfactionLabel: '基本满意' } } })
    expect(await move(disp, c.id, 'follow_up', { satisfaction: 'satisfied' })).toMatchObject({ ok: false })
    await drain()

    const got = received.filter((r) => JSON.parse(r.body).ticket === 'GZ20261207-0001')
    expect(got.map((r) => JSON.parse(r.body).type)).toEqual(['accepted', 'resolved', 'followUp'])
    for (const r of got) {
      const verdict = verifySignature(KEY, { timestamp: r.headers['x-jiefang-timestamp'] as string, signature: r.headers['x-jiefang-signature'] as string }, r.body, Math.floor(Date.now() / 1000))
      expect(verdict).toBe('ok')
      expect(r.headers['x-jiefang-event-id']).toBe(JSON.parse(r.body).id)
      expect(r.body).not.toContain(CALLER.phone)
      expect(r.body).not.toContain(CALLER.name)
      expect(r.body).not.toContain('欧*峰')
    }
    const [acc, res, fu] = got.map((r) => JSON.parse(r.body))
    expect(acc).toMatchObject({ type: 'accepted', typeLabel: '受理', ticket: 'GZ20261207-0001', caseNumber: number, status: 'accepted', statusLabel: '已受理', result: null, deadline: '2026-12-20T18:00:00+08:00' })
    expect(acc.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    expect(res).toMatchObject({ type: 'resolved', typeLabel: '办结', statusLabel: '已办结', result: '已联系环卫清运，垃圾桶已清空并消毒' })
    expect(fu).toMatchObject({ type: 'followUp', typeLabel: '回访', satisfaction: 'basically_satisfied', satisfactionLabel: '基本满意', result: '来电人表示清运及时，希望增加清运频次' })
  })

  it('sends a note kept internal as no result', async () => {
    const r = await post(order('GZ20261207-0003'))
    const c = await caseByNumber(r.body.caseNumber)
    await move(gw, c.id, 'accept')
    expect(await move(gw, c.id, 'resolve', { note: '内部：已约谈物业经理张某', attachments: [await photo(gw)] })).toMatchObject({ ok: true })
    await drain()
    const replies = repliesFor('GZ20261207-0003')
    expect(replies.map((b) => b.type)).toEqual(['accepted', 'resolved'])
    expect(replies[1].result).toBeNull()
    expect(JSON.stringify(replies)).not.toContain('张某')
  })
})

describe('a failing platform webhook', () => {
  it('gets every reply, in order, after a restart; each attempt is in the delivery log in Chinese', async () => {
    failing = true
    const r = await post(order('GZ20261207-0009'))
    expect(r.status).toBe(201)
    const c = await caseByNumber(r.body.caseNumber)
    await move(gw, c.id, 'accept')
    await move(gw, c.id, 'resolve', { note: '路面垃圾已清理', noteVisibility: 'public', attachments: [await photo(gw)] })
    await drain(1)
    await drain(1)
    expect(repliesFor('GZ20261207-0009')).toHaveLength(0)

    // A restart over the same data, the receiver back.
    await srv.stop()
    srv = await startServer({ dataDir, env: { JIEFANG_TIMER_MS: '0' } })
    ;[gw, disp] = await Promise.all([as(srv.url, 'demo-grid-worker'), as(srv.url, 'demo-dispatcher')])
    failing = false
    // The dev clock starts over with the process: move past the back-off the failures set.
    await drain(6)
    expect(repliesFor('GZ20261207-0009').map((b) => b.type)).toEqual(['accepted', 'resolved'])

    await srv.stop()
    const store = openSqliteStore(dataDir)
    let log: DeliveryRecord[]
    try {
      log = await store.deliveries(`hotline:${PARTNER}`, { limit: 100 })
    } finally {
      await store.close()
    }
    srv = await startServer({ dataDir, env: { JIEFANG_TIMER_MS: '0' } })
    const mine = log.filter((x) => x.caseNumber === r.body.caseNumber)
    const failed = mine.filter((x) => !x.ok)
    expect(failed.length).toBeGreaterThanOrEqual(2)
    expect(failed.every((x) => x.error === '对方返回 503' && x.httpStatus === 503 && !x.dead)).toBe(true)
    const done = mine.filter((x) => x.ok)
    expect(done.map((x) => x.event).sort()).toEqual(['hotline.accepted', 'hotline.resolved'])
    expect(done.every((x) => x.error === null)).toBe(true)
    // The acceptance failed and was retried; the resolution waited behind it (in order per ticket), never sent first.
    const acceptedOk = done.find((x) => x.event === 'hotline.accepted')!
    expect(acceptedOk.attempt).toBeGreaterThan(1)
    expect(mine.filter((x) => x.event === 'hotline.resolved').every((x) => x.at >= acceptedOk.at)).toBe(true)
  }, 120_000)
})
