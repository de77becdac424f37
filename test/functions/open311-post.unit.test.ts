/**
 * Open311 POST requests in process over SQLite (Part O2, issue 20): a partner's report is validated and
 * routed like one filed in the app, is idempotent on the client's id, seals the reporter, answers the
 * case number or a token, and staff read its source; the specification's errors for what is wrong.
 * The HTTP round trip (XML, the grid worker's queue, GET requests) is open311-post.http.test.ts.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig, type DistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import type { IntegrationPartner, Store } from '../../backend/ports'
import { seedDemo } from '../../backend/seed/seed'
import { postRequest, type Open311Form } from '../../backend/usecases/open311/postRequest'
import { tokenLookup } from '../../backend/usecases/open311/tokens'
import { exportCsv } from '../../backend/usecases/report/exportCsv'
import { hasPublicView, publicCaseView } from '../../backend/usecases/report/publicView'
import { staffDetail } from '../../backend/usecases/report/staffView'
import { actorOf } from '../../backend/usecases/shared/actor'
import type { ReportPayload } from '../../src/core/kinds/report'
import { fixedClock } from '../../src/core/clock'
import { GRID1_CODE, GRID1_POINT } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
const vault = new Vault(randomBytes(32))
const PHONE = '13912345678'

let store: Store
let cleanup: () => Promise<void>
let d: Deps

const partner = (over: Partial<IntegrationPartner> = {}): IntegrationPartner => ({
  id: 'p-fms',
  kind: 'open311',
  name: '街坊随手拍平台',
  jurisdictionId: '440111',
  keyHash: 'a'.repeat(64),
  keyHint: 'abcd',
  secretSealed: null,
  webhookUrl: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'demo-admin',
  revokedAt: null,
  ...over,
})

/** What FixMyStreet's client sends (perllib/Open311.pm): lat, long, email, description, names, phone, media_url, attribute[…]. */
const fms = (over: Open311Form = {}): Open311Form => ({
  api_key: 'jf311_key',
  jurisdiction_id: '440111',
  service_code: 'HJ01',
  lat: String(GRID1_POINT.lat),
  long: String(GRID1_POINT.lng),
  email: 'lin.xiao@example.org',
  description: '云景路垃圾桶旁堆了三天的垃圾，气味很大',
  first_name: '晓',
  last_name: '林',
  phone: PHONE,
  media_url: 'https://fms.example.org/photo/1001.full.jpeg',
  'attribute[fixmystreet_id]': '1001',
  ...over,
})

async function world(config: DistrictConfig = defaultDistrictConfig()) {
  ;({ store, cleanup } = await openTempSqliteStore('jf-open311-'))
  await seedDemo(store, vault)
  d = localDeps(store, { clock: fixedClock('2026-12-07T02:00:00.000Z'), newId: () => ulid(), config, vault })
  await store.addPartner(partner())
}

afterEach(async () => cleanup())

describe('a report posted by a partner', () => {
  beforeEach(async () => world())

  it('becomes a case at the grid of its point, created by the partner, the reporter sealed', async () => {
    const r = await postRequest(d, partner(), fms())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.status).toBe(201)
    const number = r.requests[0]!.service_request_id!
    expect(number).toMatch(/^.+-2026-\d{5}$/)
    expect(r.requests[0]!.token).toBeUndefined()
    expect(r.requests[0]!.service_notice).toContain('小时内受理')

    const stored = await store.findCaseByIdempotency('partner:p-fms', 'open311:1001')
    expect(stored?.number).toBe(number)
    const p = stored!.payload as ReportPayload
    expect(stored!.creatorId).toBe('partner:p-fms')
    expect(stored!.gridCode).toBe(GRID1_CODE)
    expect(stored!.category).toBe('HJ01')
    expect(stored!.status).toBe('submitted')
    expect(p.photos).toEqual([])
    expect(p.source).toMatchObject({ channel: 'open311', partnerId: 'p-fms', partnerName: '街坊随手拍平台', clientId: '1001', mediaUrls: ['https://fms.example.org/photo/1001.full.jpeg'] })
    expect(p.source!.token).toMatch(/^[A-Za-z0-9_-]{24}$/)
    // At rest: masks only, the full name, email and phone sealed.
    const raw = JSON.stringify(stored)
    expect(raw).not.toContain(PHONE)
    expect(raw).not.toContain('lin.xiao@example.org')
    expect(raw).not.toContain('林晓')
    expect(p.contact!.phone).toBe('139****5678')
    expect(p.source!.reporter).toMatchObject({ name: '林*', email: 'l***@example.org' })

    const timeline = await store.timeline(stored!.id)
    expect(timeline[0]).toMatchObject({ action: 'submit', actorId: 'partner:p-fms', actorRole: 'partner' })

    // Staff: the source line, the reporter opened, the first row as the partner.
    const dispatcher = actorOf((await store.getUser('demo-dispatcher'))!)
    const detail = await staffDetail(d, await d.orgTree(), dispatcher, stored!)
    expect(detail.case.source).toEqual({ line: '来源：街坊随手拍平台（Open311）', mediaUrls: ['https://fms.example.org/photo/1001.full.jpeg'] })
    expect(detail.case.reporter).toEqual({ name: '林晓', phone: PHONE, proxy: false, email: 'lin.xiao@example.org' })
    expect(detail.timeline[0]!.actorLabel).toBe('对接系统 街坊随手拍平台')

    // The public: nothing of the reporter or the source.
    expect(hasPublicView(d, stored!)).toBe(true)
    const pub = JSON.stringify(await publicCaseView(d, stored!))
    for (const secret of [PHONE, '139****5678', 'lin.xiao', '林', 'fms.example.org', '街坊随手拍平台', p.source!.token!]) expect(pub).not.toContain(secret)

    // The export names the source.
    const csv = await exportCsv(d, dispatcher, {})
    expect(csv.ok && csv.csv).toContain('街坊随手拍平台（Open311）')
  })

  it('answers the first case again for the same client id, a new case without one', async () => {
    const a = await postRequest(d, partner(), fms())
    const b = await postRequest(d, partner(), fms({ description: '重发的同一条上报内容' }))
    expect(a.ok && b.ok).toBe(true)
    if (!a.ok || !b.ok) return
    expect(b.requests[0]!.service_request_id).toBe(a.requests[0]!.service_request_id)
    const byClientId = await postRequest(d, partner(), fms({ 'attribute[fixmystreet_id]': '', 'attribute[client_request_id]': 'abc-1' }))
    const again = await postRequest(d, partner(), fms({ 'attribute[fixmystreet_id]': '', 'attribute[client_request_id]': 'abc-1' }))
    const none1 = await postRequest(d, partner(), fms({ 'attribute[fixmystreet_id]': '' }))
    const none2 = await postRequest(d, partner(), fms({ 'attribute[fixmystreet_id]': '' }))
    const ids = [a, byClientId, again, none1, none2].map((r) => (r.ok ? r.requests[0]!.service_request_id : r.description))
    expect(ids[1]).toBe(ids[2])
    expect(new Set([ids[0], ids[1], ids[3], ids[4]]).size).toBe(4)
  })

  it('answers a token for a case without a public view, exchanged for the partner that posted it only', async () => {
    const r = await postRequest(d, partner(), fms({ service_code: 'ZA01', 'attribute[fixmystreet_id]': '2002' }))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const token = r.requests[0]!.token!
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(r.requests[0]!.service_request_id).toBeUndefined()
    // The same id again: the same token.
    const again = await postRequest(d, partner(), fms({ service_code: 'ZA01', 'attribute[fixmystreet_id]': '2002' }))
    expect(again.ok && again.requests[0]!.token).toBe(token)
    expect(await tokenLookup(d, partner(), token)).toEqual({ ok: true, request: { token } })
    expect(await tokenLookup(d, partner({ id: 'p-other' }), token)).toMatchObject({ ok: false, status: 404 })
    expect(await tokenLookup(d, partner(), 'x'.repeat(24))).toMatchObject({ ok: false, status: 404 })
    expect(await tokenLookup(d, partner(), '../etc')).toMatchObject({ ok: false, status: 404 })
  })
})

describe('what the specification refuses', () => {
  beforeEach(async () => world())

  const refused = async (form: Open311Form, status: number, words: RegExp) => {
    const r = await postRequest(d, partner(), form)
    expect(r).toMatchObject({ ok: false, status, code: status })
    if (!r.ok) expect(r.description).toMatch(words)
  }

  it('a missing or unknown service_code', async () => {
    await refused(fms({ service_code: '' }), 400, /service_code/)
    await refused(fms({ service_code: 'NOPE' }), 404, /service_code/)
    // A group, not a leaf: nothing can be filed under it.
    await refused(fms({ service_code: 'HJ' }), 404, /service_code/)
  })

  it('a missing, partial, address-only, invalid or outside location', async () => {
    await refused(fms({ lat: '', long: '' }), 400, /缺少位置/)
    await refused(fms({ lat: '', long: '', address_string: '云景路 12 号' }), 400, /address_string/)
    await refused(fms({ long: '' }), 400, /同时提供/)
    await refused(fms({ lat: 'north' }), 400, /有效的坐标/)
    await refused(fms({ lat: '39.9', long: '116.4' }), 400, /不在本区网格范围内/)
  })

  it("the app's description limits, bad links and contact fields", async () => {
    await refused(fms({ description: '' }), 400, /description/)
    await refused(fms({ description: '垃圾' }), 400, /至少 5 个字/)
    await refused(fms({ description: '多'.repeat(501) }), 400, /最多 500 个字/)
    await refused(fms({ media_url: 'file:///etc/passwd' }), 400, /media_url/)
    await refused(fms({ media_url: Array.from({ length: 10 }, (_, i) => `https://x.example/${i}.jpg`) }), 400, /media_url 最多/)
    await refused(fms({ phone: '12345' }), 400, /phone/)
    await refused(fms({ email: 'not-an-email' }), 400, /email/)
    await refused(fms({ 'attribute[fixmystreet_id]': 'x'.repeat(65) }), 400, /fixmystreet_id/)
    await refused(fms({ address_string: '路'.repeat(121) }), 400, /address_string/)
    expect(await store.findCaseByIdempotency('partner:p-fms', 'open311:1001')).toBeNull()
  })

  it('a revoked partner', async () => {
    const r = await postRequest(d, partner({ revokedAt: '2026-12-02T00:00:00.000Z' }), fms())
    expect(r).toMatchObject({ ok: false, status: 403 })
  })
})

it('counts the partner against open311.post and answers 429 past it', async () => {
  const base = defaultDistrictConfig()
  await world({ ...base, rateLimits: { ...base.rateLimits, 'open311.post': { max: 2, windowMinutes: 10 } } })
  const codes: number[] = []
  for (const id of ['1', '2', '3']) {
    const r = await postRequest(d, partner(), fms({ 'attribute[fixmystreet_id]': id }))
    codes.push(r.ok ? r.status : r.status)
  }
  expect(codes).toEqual([201, 201, 429])
  // A retry of an accepted post is answered from its claim, never counted or refused.
  const retry = await postRequest(d, partner(), fms({ 'attribute[fixmystreet_id]': '1' }))
  expect(retry.ok).toBe(true)
})
