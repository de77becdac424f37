/**
 * 对外接口 over HTTP against the built local server (issue 20, Part K): the district admin issues an
 * Open311 key (found by its sha256, never stored itself), adds a 12345 platform and subscribes a
 * receiver, each secret answered once and sealed; revoking twice is a clear refusal; the delivery
 * log reads in Chinese, 20 a page. A brand-new WeChat identity, a resident, a dispatcher, a grid
 * worker and a street's admin are refused every action and collect nothing (no name, URL, hint).
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import { loadPiiKey, Vault } from '../../backend/crypto/vault'
import type { DeliveryRecord, Store } from '../../backend/ports'
import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { as, asOpenid, serverWithUsers, type Client } from '../support/server'

const district = defaultDistrictConfig().district
const STREET_ADMIN = 'test-street-admin'
const SHANGHAI_TEXT = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

let admin: Client, resident: Client, dispatcher: Client, gw: Client
const world = serverWithUsers(['demo-admin', 'demo-resident', 'demo-dispatcher', 'demo-grid-worker'], (c) => ([admin, resident, dispatcher, gw] = c))
let store: Store

beforeAll(async () => {
  // The server holds the same SQLite file; WAL lets this process read and add beside it.
  store = openSqliteStore(world.srv.dataDir)
  await store.putUser({ id: STREET_ADMIN, name: '街道管理员', phone: null, openid: null, grants: [{ role: 'admin', unitCode: DEMO_STREET }], createdAt: new Date().toISOString() })
})
afterAll(async () => {
  await store?.close()
})

/** Every text in the database's tables, to look for a key or secret in. */
function databaseText(): string {
  const db = new Database(join(world.srv.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n')
  } finally {
    db.close()
  }
}

describe('Open311 keys', () => {
  it('the admin issues a key shown once: stored as its sha256 and last four, bound to the district, found by its hash', async () => {
    const r = await admin.call('integrations', 'issueKey', { name: '街坊随手拍平台' })
    expect(r).toMatchObject({ ok: true, partner: { kind: 'open311', kindLabel: 'Open311 接口', name: '街坊随手拍平台', jurisdiction: district.code, jurisdictionName: district.name, webhookUrl: null, revoked: null, statusLabel: '使用中' } })
    expect(r.key).toMatch(/^jf311_[0-9A-Za-z]{32}$/)
    expect(r.partner.keyHint).toBe(r.key.slice(-4))
    expect(r.partner.created).toMatch(SHANGHAI_TEXT)
    expect(Object.keys(r.partner).sort()).toEqual(['created', 'id', 'jurisdiction', 'jurisdictionName', 'keyHint', 'kind', 'kindLabel', 'name', 'revoked', 'statusLabel', 'webhookUrl'])

    const found = await store.partnerByKeyHash(sha256(r.key))
    expect(found).toMatchObject({ id: r.partner.id, kind: 'open311', jurisdictionId: district.code, keyHint: r.key.slice(-4), createdBy: 'demo-admin', revokedAt: null })
    expect(await store.partnerByKeyHash(sha256(`${r.key}x`))).toBeNull()
    expect(databaseText()).not.toContain(r.key)

    const list = await admin.call('integrations', 'partners', {})
    expect(list.partners.find((p: { id: string }) => p.id === r.partner.id)).toEqual(r.partner)
    const text = JSON.stringify(list)
    expect(text).not.toContain(r.key)
    expect(text).not.toContain(found!.keyHash!)
    expect(text).not.toMatch(/keyHash|secretSealed/)
  })

  it('the issued key is what Open311 accepts, and a revoked one is refused there at once', async () => {
    const r = await admin.call('integrations', 'issueKey', { name: 'Open311 联调平台' })
    const requests = (key: string) => fetch(`${world.srv.url}/open311/v2/requests.json?${new URLSearchParams({ api_key: key, jurisdiction_id: district.code })}`)
    expect((await requests(r.key)).status).toBe(200)
    expect((await requests(`${r.key.slice(0, -1)}${r.key.endsWith('A') ? 'B' : 'A'}`)).status).toBe(403)
    await admin.call('integrations', 'revokePartner', { id: r.partner.id })
    expect((await requests(r.key)).status).toBe(403)
  })

  it('two keys differ; a name is required and at most 40 characters', async () => {
    const a = await admin.call('integrations', 'issueKey', { name: '市网格化平台' })
    const b = await admin.call('integrations', 'issueKey', { name: '市网格化平台' })
    expect(a.key).not.toBe(b.key)
    expect(await admin.call('integrations', 'issueKey', { name: '  ' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { name: '请填写名称' } })
    expect(await admin.call('integrations', 'issueKey', { name: '长'.repeat(41) })).toMatchObject({ ok: false, code: 'VALIDATION', details: { name: '名称最多 40 个字' } })
  })

  it('revoking stops the key at once; revoking it again is a clear refusal; an unknown id is not found', async () => {
    const r = await admin.call('integrations', 'issueKey', { name: '即将停用的平台' })
    const revoked = await admin.call('integrations', 'revokePartner', { id: r.partner.id })
    expect(revoked).toMatchObject({ ok: true, partner: { id: r.partner.id, statusLabel: '已停用' } })
    expect(revoked.partner.revoked).toMatch(SHANGHAI_TEXT)
    expect((await store.partnerByKeyHash(sha256(r.key)))!.revokedAt).not.toBeNull()
    expect(await admin.call('integrations', 'revokePartner', { id: r.partner.id })).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION', message: '该接口密钥已停用，无需再次停用' })
    expect(await admin.call('integrations', 'revokePartner', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '对接系统不存在' })
    const listed = (await admin.call('integrations', 'partners', {})).partners.find((p: { id: string }) => p.id === r.partner.id)
    expect(listed).toMatchObject({ statusLabel: '已停用', revoked: revoked.partner.revoked })
  })
})

describe('12345 platforms', () => {
  it('the shared secret is answered once and sealed under the partner id; no list carries it', async () => {
    const r = await admin.call('integrations', 'addHotline', { name: '广州市12345政务服务便民热线', webhookUrl: 'https://12345.example.gov.cn/jiefang/replies' })
    expect(r).toMatchObject({ ok: true, partner: { kind: 'hotline', kindLabel: '12345 热线', keyHint: null, jurisdiction: district.code, webhookUrl: 'https://12345.example.gov.cn/jiefang/replies', statusLabel: '使用中' } })
    expect(Buffer.from(r.secret, 'base64url')).toHaveLength(32)
    expect(r.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const stored = (await store.getPartner(r.partner.id))!
    expect(stored.secretSealed).not.toContain(r.secret)
    const vault = new Vault(loadPiiKey({}, { dataDir: world.srv.dataDir })!)
    expect(vault.open(stored.secretSealed!, r.partner.id)).toBe(r.secret)
    expect(databaseText()).not.toContain(r.secret)
    const list = JSON.stringify(await admin.call('integrations', 'partners', {}))
    expect(list).not.toContain(r.secret)
    expect(list).not.toContain(stored.secretSealed)
  })

  it('replies go over https, or plain http to this machine on the local server only', async () => {
    expect(await admin.call('integrations', 'addHotline', { name: '测试热线', webhookUrl: 'http://12345.example.gov.cn/replies' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { webhookUrl: expect.stringMatching(/https:\/\//) } })
    expect(await admin.call('integrations', 'addHotline', { name: '测试热线', webhookUrl: 'ftp://12345.example.gov.cn/' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { webhookUrl: expect.any(String) } })
    expect(await admin.call('integrations', 'addHotline', { name: '测试热线', webhookUrl: 'http://127.0.0.1:9/replies' })).toMatchObject({ ok: true, partner: { webhookUrl: 'http://127.0.0.1:9/replies' } })
  })
})

describe('case-event subscriptions', () => {
  it('subscribes with the events in Chinese; the secret is answered once, sealed; revoking twice is refused', async () => {
    const r = await admin.call('integrations', 'subscribe', { name: '区数据中台', url: 'https://data.example.gov.cn/hooks/jiefang', events: { help: ['created'], report: ['accepted', 'resolved'] } })
    expect(r).toMatchObject({
      ok: true,
      subscription: {
        name: '区数据中台',
        url: 'https://data.example.gov.cn/hooks/jiefang',
        statusLabel: '使用中',
        revoked: null,
        events: [
          { kind: 'report', kindLabel: '网格事件', events: ['accepted', 'resolved'], eventLabels: ['受理', '办结'], text: '网格事件：受理、办结' },
          { kind: 'help', kindLabel: '一键求助', events: ['created'], eventLabels: ['新建'], text: '一键求助：新建' },
        ],
      },
    })
    expect(r.subscription.created).toMatch(SHANGHAI_TEXT)
    const stored = (await store.getSubscription(r.subscription.id))!
    expect(stored.events).toEqual({ report: ['accepted', 'resolved'], help: ['created'] })
    expect(new Vault(loadPiiKey({}, { dataDir: world.srv.dataDir })!).open(stored.secretSealed, stored.id)).toBe(r.secret)
    expect(databaseText()).not.toContain(r.secret)

    const list = await admin.call('integrations', 'subscriptions', {})
    expect(list.subscriptions.find((s: { id: string }) => s.id === r.subscription.id)).toEqual(r.subscription)
    expect(JSON.stringify(list)).not.toContain(r.secret)
    expect(JSON.stringify(list)).not.toContain(stored.secretSealed)

    expect(await admin.call('integrations', 'revokeSubscription', { id: r.subscription.id })).toMatchObject({ ok: true, subscription: { statusLabel: '已停用', revoked: expect.stringMatching(SHANGHAI_TEXT) } })
    expect(await admin.call('integrations', 'revokeSubscription', { id: r.subscription.id })).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION', message: '该事件订阅已停用，无需再次停用' })
    expect(await admin.call('integrations', 'revokeSubscription', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('refuses a plain-http URL elsewhere, no events, an unknown event and a kind that cannot be followed', async () => {
    const sub = (over: Record<string, unknown>) => admin.call('integrations', 'subscribe', { name: '测试订阅', url: 'https://a.example.org/h', events: { report: ['accepted'] }, ...over })
    expect(await sub({ url: 'http://a.example.org/h' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { url: expect.stringMatching(/https:\/\//) } })
    expect(await sub({ url: 'not a url' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { url: expect.any(String) } })
    expect(await sub({ events: {} })).toMatchObject({ ok: false, code: 'VALIDATION', details: { events: '请至少选择一种事件' } })
    expect(await sub({ events: { report: [] } })).toMatchObject({ ok: false, code: 'VALIDATION', details: { events: '请至少选择一种事件' } })
    expect(await sub({ events: { report: ['deleted'] } })).toMatchObject({ ok: false, code: 'VALIDATION', details: { 'events.report.0': '不支持的事件' } })
    expect(await sub({ events: { report: ['accepted', 'accepted'] } })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await sub({ events: { checkin: ['created'] } })).toMatchObject({ ok: false, code: 'VALIDATION', details: { 'events.checkin': '不支持的字段' } })
    expect(await sub({ url: 'http://localhost:8080/h' })).toMatchObject({ ok: true })
  })
})

describe('the delivery log', () => {
  const at = (i: number) => new Date(Date.UTC(2026, 11, 7, 6, 0, i)).toISOString()
  const record = (target: DeliveryRecord['target'], i: number, over: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
    id: `01JDELIVERY${String(i).padStart(15, '0')}`,
    target,
    messageId: `m${i}`,
    event: 'report.accepted',
    caseNumber: '京溪-2026-00042',
    attempt: i,
    at: at(i),
    ok: false,
    httpStatus: 500,
    durationMs: 12,
    error: '对方返回 HTTP 500',
    dead: false,
    ...over,
  })

  it('reads one target 20 a page in Chinese, newest first, with a cursor to the rest', async () => {
    const s = await admin.call('integrations', 'subscribe', { name: '发送记录订阅', url: 'https://log.example.org/h', events: { report: ['accepted'] } })
    for (let i = 1; i <= 25; i++) await store.logDelivery(record(`sub:${s.subscription.id}`, i, i === 25 ? { ok: true, httpStatus: 200, error: null } : i === 24 ? { dead: true } : {}))
    await store.logDelivery(record('access', 1, { id: '01JDELIVERYACCESS000000001', event: 'access.grant', caseNumber: '京溪-2026-00007', ok: true, httpStatus: 204, error: null }))

    const first = await admin.call('integrations', 'deliveries', { target: { subscriptionId: s.subscription.id } })
    expect(first).toMatchObject({ ok: true, targetName: '发送记录订阅' })
    expect(first.rows).toHaveLength(20)
    expect(first.rows[0]).toEqual({ id: record('access', 25).id, event: '网格事件 · 受理', caseNumber: '京溪-2026-00042', attempt: 25, attemptText: '第 25 次', ok: true, result: '成功', httpStatus: 200, dead: false, deadLabel: null, at: '2026年12月7日 14:00' })
    expect(first.rows[1]).toMatchObject({ attempt: 24, ok: false, result: '失败：对方返回 HTTP 500', httpStatus: 500, dead: true, deadLabel: '已放弃' })
    expect(first.next).toEqual(expect.any(String))
    const second = await admin.call('integrations', 'deliveries', { target: { subscriptionId: s.subscription.id }, before: first.next })
    expect(second.rows.map((r: { attempt: number }) => r.attempt)).toEqual([5, 4, 3, 2, 1])
    expect(second.next).toBeNull()

    const access = await admin.call('integrations', 'deliveries', { target: 'access' })
    expect(access).toMatchObject({ ok: true, targetName: '门禁系统', rows: [{ event: '门禁授权', caseNumber: '京溪-2026-00007', result: '成功', httpStatus: 204 }], next: null })
  })

  it('a 12345 platform has its own log; an Open311 key has none; an unknown target is not found', async () => {
    const h = await admin.call('integrations', 'addHotline', { name: '回复记录热线', webhookUrl: 'https://12345.example.gov.cn/r' })
    await store.logDelivery(record(`hotline:${h.partner.id}`, 1, { id: '01JDELIVERYHOTLINE00000001', event: 'hotline.resolved', httpStatus: null, error: '无法连接对方地址' }))
    expect(await admin.call('integrations', 'deliveries', { target: { partnerId: h.partner.id } })).toMatchObject({ ok: true, targetName: '回复记录热线', rows: [{ event: '12345 回复 · 办结', result: '失败：无法连接对方地址', httpStatus: null }] })
    const k = await admin.call('integrations', 'issueKey', { name: '只读平台' })
    expect(await admin.call('integrations', 'deliveries', { target: { partnerId: k.partner.id } })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await admin.call('integrations', 'deliveries', { target: { subscriptionId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await admin.call('integrations', 'deliveries', { target: 'access', before: 'yesterday' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('every change is audited', () => {
  it('the admin reads who issued, added, subscribed and revoked, by name, never a key', async () => {
    const r = await admin.call('integrations', 'issueKey', { name: '审计测试平台' })
    await admin.call('integrations', 'revokePartner', { id: r.partner.id })
    const audit = await admin.call('rental', 'audit', { limit: 50 })
    const sentences = audit.entries.map((e: { sentence: string }) => e.sentence)
    expect(sentences).toEqual(expect.arrayContaining(['郑华 签发 Open311 接口密钥「审计测试平台」，理由：对外接口管理', '郑华 停用对接系统「审计测试平台」，理由：对外接口管理']))
    expect(sentences.some((s: string) => s.startsWith('郑华 添加 12345 热线对接「广州市12345政务服务便民热线」'))).toBe(true)
    expect(sentences.some((s: string) => s.startsWith('郑华 添加事件订阅「区数据中台」'))).toBe(true)
    expect(sentences.some((s: string) => s.startsWith('郑华 停用事件订阅「区数据中台」'))).toBe(true)
    expect(JSON.stringify(audit)).not.toContain(r.key)
  })
})

describe('nobody else', () => {
  it('a brand-new identity, a resident, a dispatcher, a grid worker and a street admin are refused every action, write nothing and collect nothing', async () => {
    const newcomer = await asOpenid(world.srv.url, `dev-integrations-${Date.now()}`)
    const streetAdmin = await as(world.srv.url, STREET_ADMIN)
    const key = await admin.call('integrations', 'issueKey', { name: '外人不可见的平台' })
    const hotline = await admin.call('integrations', 'addHotline', { name: '外人不可见的热线', webhookUrl: 'https://secret-hotline.example.gov.cn/r' })
    const sub = await admin.call('integrations', 'subscribe', { name: '外人不可见的订阅', url: 'https://secret-sub.example.org/h', events: { report: ['created'] } })
    const partnersBefore = (await store.listPartners()).length
    const subsBefore = (await store.listSubscriptions()).length
    const calls: Array<[string, Record<string, unknown>]> = [
      ['partners', {}],
      ['issueKey', { name: '冒名平台' }],
      ['addHotline', { name: '冒名热线', webhookUrl: 'https://evil.example.org/r' }],
      ['revokePartner', { id: key.partner.id }],
      ['revokePartner', { id: hotline.partner.id }],
      ['subscriptions', {}],
      ['subscribe', { name: '冒名订阅', url: 'https://evil.example.org/h', events: { report: ['created'] } }],
      ['revokeSubscription', { id: sub.subscription.id }],
      ['deliveries', { target: 'access' }],
      ['deliveries', { target: { subscriptionId: sub.subscription.id } }],
      ['deliveries', { target: { partnerId: hotline.partner.id } }],
    ]
    const secrets = ['外人不可见', 'secret-hotline', 'secret-sub', key.key, key.partner.keyHint, hotline.secret, sub.secret, '京溪-2026-00042', '门禁']
    for (const [who, c] of [['newcomer', newcomer], ['resident', resident], ['dispatcher', dispatcher], ['grid worker', gw], ['street admin', streetAdmin]] as const) {
      for (const [actionName, data] of calls) {
        const a = await c.call('integrations', actionName, data)
        expect([who, actionName, a]).toEqual([who, actionName, { ok: false, code: 'FORBIDDEN', message: '仅区级管理员可以操作' }])
        for (const s of secrets) expect([who, actionName, JSON.stringify(a).includes(s)]).toEqual([who, actionName, false])
      }
    }
    expect(await store.listPartners()).toHaveLength(partnersBefore)
    expect(await store.listSubscriptions()).toHaveLength(subsBefore)
    expect((await store.getPartner(key.partner.id))!.revokedAt).toBeNull()
    expect((await store.getSubscription(sub.subscription.id))!.revokedAt).toBeNull()
    // Signed out: no caller at all.
    const res = await fetch(`${world.srv.url}/api/fn/integrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'partners', data: {} }) })
    const anon = (await res.json()) as { ok: boolean }
    expect(anon.ok).toBe(false)
    expect(JSON.stringify(anon)).not.toContain('外人不可见')
  })
})
