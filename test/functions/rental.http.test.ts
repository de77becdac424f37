/**
 * 出租屋实名登记 over the real local server: buildings and their QR, check-in with validation,
 * the manager's confirm / roster / check-out, police area, audited reveal and export, fire
 * inspection into the grid's queue, the signed door-access webhook with retries, the lease
 * overdue reminder, the purge after retention — and afterwards no plain identity number or
 * phone anywhere in the data directory or the server's output.
 */
import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { gridCode } from '../../backend/seed/demoOrg'
import { seedDemo } from '../../backend/seed/seed'
import { shanghaiDay } from '../../src/core/rental'
import { advance, photo } from '../support/cases'
import { GRID1_CODE, GRID1_POINT, GRID2_POINT, idemKey } from '../support/fixtures'
import { idNumberFor } from '../support/authzWorld'
import { secretsLeft } from '../support/leaks'
import { loopbackReceiver, type Loopback } from '../support/loopback'
import { as, client, ROOT, startServer, type Client, type RunningServer } from '../support/server'

const SECRET = 'test-webhook-secret-7f3a'
const ALERT_LIVE = '该证件号已有在住/待确认登记'
const ALERT_MISUSE = '有人报告该证件被冒用'
/** Valid numbers nobody registered, for the control identity. */
const FRESH = Array.from({ length: 50 }, (_, i) => idNumberFor(7000 + i))
const LIMITS = JSON.parse(readFileSync(join(ROOT, 'settings/district.json'), 'utf8')).rateLimits as Record<string, { max: number }>
const DOCS = { tenant: '440106199001011235', other: '440111198506154326', short: '11010519491231002X', race: '510107197811305679' }
const PHONES = { tenant: '13912340001', tenant2: '13912340002', other: '13912340003', short: '13912340004' }

interface Hook {
  headers: Record<string, string | string[] | undefined>
  body: string
}

let receiver: Loopback
let hooks: Hook[] = []
let failNext = 0
let srv: RunningServer
let manager: Client, manager2: Client, tenant: Client, resident: Client, police: Client, disp: Client, gw: Client

beforeAll(async () => {
  receiver = await loopbackReceiver((req, body, res) => {
    if (failNext > 0) {
      failNext--
      res.writeHead(503).end('busy')
      return
    }
    hooks.push({ headers: req.headers, body })
    res.writeHead(204).end()
  })
  const hookUrl = receiver.url
  // A second building manager (another grid), written before the server opens the directory.
  const dataDir = mkdtempSync(join(tmpdir(), 'jf-rental-'))
  const store = openSqliteStore(dataDir)
  await seedDemo(store)
  await store.putUser({ id: 'test-manager-2', name: '陈楼长', phone: null, openid: null, grants: [{ role: 'building_manager', unitCode: gridCode(0, 2) }], createdAt: new Date().toISOString() })
  await store.close()
  srv = await startServer({ dataDir, env: { JIEFANG_TIMER_MS: '0', JIEFANG_ACCESS_WEBHOOK_URL: hookUrl, JIEFANG_ACCESS_WEBHOOK_SECRET: SECRET } })
  ;[manager, manager2, tenant, resident, police, disp, gw] = await Promise.all(
    ['demo-building-manager', 'test-manager-2', 'demo-tenant', 'demo-resident', 'demo-police', 'demo-dispatcher', 'demo-grid-worker'].map((u) => as(srv.url, u)),
  )
}, 30_000)

afterAll(async () => {
  await srv?.stop()
  await receiver?.close()
})

const call = (c: Client, action: string, data: unknown = {}) => c.call('rental', action, data)

function checkInInput(o: Record<string, unknown> = {}) {
  return {
    idempotencyKey: idemKey(),
    buildingCode: DEMO_BUILDING_CODE,
    room: '101',
    name: '刘洋',
    docType: 'id_card',
    docNumber: DOCS.tenant,
    phone: PHONES.tenant,
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [{ name: '王芳', relation: '配偶' }],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
    ...o,
  }
}

function verify(h: Hook): Record<string, unknown> {
  const ts = String(h.headers['x-jiefang-timestamp'])
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${h.body}`).digest('hex')}`
  expect(h.headers['x-jiefang-signature']).toBe(expected)
  const body = JSON.parse(h.body) as Record<string, unknown>
  expect(h.headers['x-jiefang-event-id']).toBe(body.id)
  return body
}

let demoBuildingId: string
let regId: string

describe('buildings', () => {
  it('a building manager registers a building in their grid once per key; it resolves to the grid', async () => {
    const input = { idempotencyKey: idemKey(), name: '云景路 20 号', address: '广州市白云区云景路 20 号', location: GRID1_POINT, floors: 3, rooms: ['101', '102', ' 201 ', '101'] }
    const first = await call(manager, 'registerBuilding', input)
    expect(first).toMatchObject({ ok: true, replayed: false, building: { gridCode: GRID1_CODE, gridName: '云景社区第1网格', rooms: ['101', '102', '201'], managerName: '王建国', inspectionState: 'never', pending: 0, active: 0 } })
    expect(first.building.code).toMatch(/^[0-9A-Z]{10}$/)
    expect(await call(manager, 'registerBuilding', input)).toMatchObject({ ok: true, replayed: true, building: { id: first.building.id, code: first.building.code } })
    const mine = await call(manager, 'myBuildings')
    expect(mine.buildings.map((b: { id: string }) => b.id)).toContain(first.building.id)
    demoBuildingId = mine.buildings.find((b: { code: string }) => b.code === DEMO_BUILDING_CODE).id
  })

  it('refuses outside any grid, outside the manager\'s own grid, and for anyone but a building manager', async () => {
    const base = { idempotencyKey: idemKey(), name: '某楼', address: '广州市白云区某路 1 号', floors: 2, rooms: ['101'] }
    expect(await call(manager, 'registerBuilding', { ...base, location: { lng: 113.1, lat: 23.0 } })).toMatchObject({ ok: false, code: 'OUT_OF_AREA' })
    expect(await call(manager, 'registerBuilding', { ...base, location: GRID2_POINT })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('云景社区第2网格') })
    expect(await call(tenant, 'registerBuilding', { ...base, location: GRID1_POINT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(manager, 'registerBuilding', { ...base, location: GRID1_POINT, floors: 0 })).toMatchObject({ ok: false, code: 'VALIDATION', details: { floors: '楼层数至少为 1' } })
  })

  it('prints a QR that opens check-in for the building; only its manager gets it', async () => {
    const qr = await call(manager, 'buildingQr', { buildingId: demoBuildingId })
    // Locally: a QR of the H5 link at the host the request came to (no WeChat to make a 小程序码).
    expect(qr).toMatchObject({ ok: true, qr: { kind: 'qr', link: `${srv.url}/#/pages/rental/checkin/index?b=${DEMO_BUILDING_CODE}` } })
    expect(qr.qr.svg).toMatch(/^<svg[^>]*viewBox/)
    expect(await call(manager2, 'buildingQr', { buildingId: demoBuildingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('shows a scanning tenant the building and the consent notice', async () => {
    const b = await call(tenant, 'building', { code: DEMO_BUILDING_CODE })
    expect(b).toMatchObject({ ok: true, building: { code: DEMO_BUILDING_CODE, gridName: '云景社区第1网格', path: '白云区 京溪街道 云景社区', managerName: '王建国', notice: { version: '2026-12', retentionDays: 180 } } })
    expect(await call(tenant, 'building', { code: 'NOSUCH0001' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('check-in', () => {
  it('names every wrong field in Chinese', async () => {
    const r = await call(tenant, 'checkIn', checkInInput({ room: '909', docNumber: '440106199001011234', phone: '1391234', moveInDate: '2026-02-30', leaseEnd: '2026-10-01' }))
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' })
    // Every field at once; the lease end is only compared once the move-in date is a real day.
    expect(r.details).toEqual({
      room: '房号「909」不在本楼栋的房间列表中',
      docNumber: '身份证号码校验位不正确，请核对后重新输入',
      phone: '请填写 11 位手机号码（1 开头）',
      moveInDate: '入住日期不是有效日期',
    })
    expect(r.message).toBe('房号「909」不在本楼栋的房间列表中')
    expect((await call(tenant, 'checkIn', checkInInput({ docNumber: '44010619900230123X' }))).details.docNumber).toContain('第 7–14 位出生日期「19900230」')
    // A lower-case x ending the number is an X, never refused for it (only the room is wrong here).
    expect((await call(tenant, 'checkIn', checkInInput({ room: '909', docNumber: '11010519491231002x' }))).details).toEqual({ room: '房号「909」不在本楼栋的房间列表中' })
    expect((await call(tenant, 'checkIn', checkInInput({ leaseEnd: '2026-10-31' }))).details).toEqual({ leaseEnd: '租约到期日应晚于入住日期' })
    expect(await call(tenant, 'checkIn', checkInInput({ consent: { purpose: true, sensitive: false, version: 'x' } }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { 'consent.sensitive': '请单独同意处理敏感个人信息（证件号码）' } })
    expect(await call(tenant, 'checkIn', checkInInput({ buildingCode: 'NOSUCH0001' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('registers once per key, masked, pending for the manager; a second check-in of the document is taken alike and the manager sees the conflict', async () => {
    const input = checkInInput()
    const first = await call(tenant, 'checkIn', input)
    expect(first).toMatchObject({ ok: true, replayed: false, registration: { status: 'pending', statusLabel: '待确认', room: '101', name: '刘洋', docTypeLabel: '居民身份证', docNumberMasked: '4401**********1235', phone: PHONES.tenant, buildingName: '云景路 18 号出租屋', gridName: '云景社区第1网格', alerts: [] } })
    regId = first.registration.id
    expect(await call(tenant, 'checkIn', input)).toMatchObject({ ok: true, replayed: true, registration: { id: regId } })
    // The same document again, by someone else: the caller learns nothing (a pending registration, no alert).
    const dup = await call(resident, 'checkIn', checkInInput({ room: '102' }))
    expect(dup).toMatchObject({ ok: true, replayed: false, registration: { status: 'pending', alerts: [] } })
    const pending = async () => new Map<string, { alerts: string[] }>((await call(manager, 'registrations', { buildingId: demoBuildingId, statuses: ['pending'] })).registrations.map((r: { id: string }) => [r.id, r]))
    let seen = await pending()
    expect(seen.get(dup.registration.id)!.alerts).toEqual([ALERT_LIVE])
    expect(seen.get(regId)!.alerts).toEqual([ALERT_LIVE])
    const refused = await call(manager, 'decide', { id: dup.registration.id, version: 1, approve: false, reason: '证件号与他人登记冲突，请持证件到场核实' })
    expect(refused).toMatchObject({ ok: true, registration: { status: 'refused', refusedReason: '证件号与他人登记冲突，请持证件到场核实', alerts: [] } })
    seen = await pending()
    expect(seen.get(regId)!.alerts).toEqual([])
    expect((await call(tenant, 'mine')).registrations.map((r: { id: string }) => r.id)).toEqual([regId])
  })

  it('of two confirmations of one document at the same moment, exactly one is taken; the other only once that stay ends', async () => {
    const doc = DOCS.race
    const a = await call(resident, 'checkIn', checkInInput({ room: '501', docNumber: doc, phone: PHONES.other }))
    const b = await call(manager2, 'checkIn', checkInInput({ room: '502', docNumber: doc, phone: PHONES.other }))
    expect([a.ok, b.ok]).toEqual([true, true])
    const decided = await Promise.all([a, b].map((r) => call(manager, 'decide', { id: r.registration.id, version: 1, approve: true })))
    expect(decided.map((x) => x.ok).sort()).toEqual([false, true])
    const lost = decided.findIndex((x) => !x.ok)
    expect(decided[lost]).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('已有在住登记') })
    const [wonReg, lostReg] = lost === 0 ? [b, a] : [a, b]
    const [wonBy, lostBy] = lost === 0 ? [manager2, resident] : [resident, manager2]
    expect(await call(manager, 'decide', { id: lostReg.registration.id, version: 1, approve: true })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await call(wonBy, 'checkOut', { id: wonReg.registration.id, version: 2 })).toMatchObject({ ok: true })
    expect(await call(manager, 'decide', { id: lostReg.registration.id, version: 1, approve: true })).toMatchObject({ ok: true, registration: { status: 'active' } })
    expect(await call(lostBy, 'checkOut', { id: lostReg.registration.id, version: 2 })).toMatchObject({ ok: true })
    await advance(srv.url, 0) // the door system's grants and revokes of these two
    hooks = []
  })

  it('a tenant sees only their own registration; another manager and a grid worker see nothing of the building', async () => {
    expect((await call(resident, 'mine')).registrations.filter((r: { status: string }) => ['pending', 'active'].includes(r.status))).toEqual([])
    expect(await call(resident, 'update', { id: regId, version: 1, phone: PHONES.other })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call(resident, 'checkOut', { id: regId, version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    for (const c of [manager2, gw, tenant]) {
      expect(await call(c, 'registrations', { buildingId: demoBuildingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await call(c, 'decide', { id: regId, version: 1, approve: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect((await call(manager2, 'myBuildings')).buildings).toEqual([])
  })

  it('the tenant updates the phone; the manager confirms, the roster shows masked numbers, the door system gets a signed grant', async () => {
    const updated = await call(tenant, 'update', { id: regId, version: 1, phone: PHONES.tenant2 })
    expect(updated).toMatchObject({ ok: true, registration: { phone: PHONES.tenant2, version: 2 } })
    expect(await call(manager, 'decide', { id: regId, version: 2, approve: false })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: '必填' } })
    expect(await call(manager, 'decide', { id: regId, version: 1, approve: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const ok = await call(manager, 'decide', { id: regId, version: 2, approve: true })
    expect(ok).toMatchObject({ ok: true, registration: { status: 'active', statusLabel: '在住' } })
    const roster = await call(manager, 'registrations', { buildingId: demoBuildingId, statuses: ['active'] })
    expect(roster.registrations).toEqual([expect.objectContaining({ id: regId, docNumberMasked: '4401**********1235', phone: PHONES.tenant2 })])
    expect((await call(manager, 'myBuildings')).buildings.find((b: { id: string }) => b.id === demoBuildingId)).toMatchObject({ active: 1, pending: 0 })

    await advance(srv.url, 0)
    expect(hooks).toHaveLength(1)
    const grant = verify(hooks[0]!)
    expect(grant).toMatchObject({ type: 'grant', registrationId: regId, buildingCode: DEMO_BUILDING_CODE, room: '101', name: '刘洋', validFrom: '2026-11-01', validUntil: '2027-10-31' })
    expect(hooks[0]!.body).not.toMatch(new RegExp(`${DOCS.tenant}|${PHONES.tenant2}`))
    const inbox = await tenant.call('inbox', 'list', {})
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain('登记已确认')
  })

  it('refuses a registration with its reason', async () => {
    const r = await call(resident, 'checkIn', checkInInput({ room: '201', name: '黄伟明', docNumber: DOCS.other, phone: PHONES.other }))
    expect(r.ok).toBe(true)
    const refused = await call(manager, 'decide', { id: r.registration.id, version: 1, approve: false, reason: '房号与租约不符' })
    expect(refused).toMatchObject({ ok: true, registration: { status: 'refused', statusLabel: '已驳回', refusedReason: '房号与租约不符' } })
  })
})

describe('police and the street', () => {
  it('police see their area masked, find by building name or an exact document number', async () => {
    const all = await call(police, 'area', {})
    expect(all).toMatchObject({ ok: true, total: 5 }) // active, two refused, the race's two stays (checked out)
    expect(await call(police, 'area', { statuses: ['active', 'pending'] })).toMatchObject({ total: 1 })
    const mine = all.registrations.find((r: { id: string }) => r.id === regId)
    expect(mine).toMatchObject({ docNumberMasked: '4401**********1235', phone: '139****0002' })
    // A search by full number needs a reason and is audited (masked); the full number is never kept.
    expect(await call(police, 'area', { q: DOCS.tenant })).toMatchObject({ ok: false, code: 'VALIDATION', details: { purpose: '请选择查询事由' } })
    expect(await call(police, 'area', { q: DOCS.tenant, purpose: 'lead', reason: '查查' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: expect.stringContaining('至少 5 个字') } })
    const found = await call(police, 'area', { q: DOCS.tenant, purpose: 'lead', reason: '核查来访人员身份' })
    expect(found.registrations.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([regId]))
    expect(found.registrations.filter((r: { status: string }) => r.status === 'active' || r.status === 'pending').map((r: { id: string }) => r.id)).toEqual([regId])
    expect((await call(disp, 'area', { q: DOCS.tenant, purpose: 'inspection', reason: '来穗人员例行核查' })).ok).toBe(true)
    const searches = (await call(police, 'audit', { limit: 100 })).entries.filter((e: { action: string }) => e.action === 'search')
    expect(searches).toEqual([
      expect.objectContaining({ actorName: '赵强', actorRole: 'dispatcher', target: 'rental.area 证件号码 4401**********1235', reason: '治安检查：来穗人员例行核查' }),
      expect.objectContaining({ actorName: '吴刚', actorRole: 'police', target: 'rental.area 证件号码 4401**********1235', reason: '核查线索：核查来访人员身份' }),
    ])
    // A building name is no identity number: no reason asked, nothing audited.
    expect(await call(police, 'area', { q: '云景路' })).toMatchObject({ ok: true })
    expect(await call(police, 'area', { q: '云景路 18 号', statuses: ['active'] })).toMatchObject({ total: 1, registrations: [expect.objectContaining({ id: regId })] })
    expect(await call(police, 'area', { q: '不存在的楼' })).toMatchObject({ total: 0, registrations: [] })
    expect((await call(disp, 'area', {})).total).toBe(5)
    for (const c of [tenant, manager, gw]) expect(await call(c, 'area', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('reveals the full number only to police, with a reason, writing the audit row', async () => {
    for (const c of [manager, tenant, disp]) expect(await call(c, 'reveal', { id: regId, purpose: 'case', reason: '核查来访人员身份' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(police, 'reveal', { id: regId, purpose: 'case', reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: expect.stringContaining('事由') } })
    const reveals = async () => (await call(police, 'audit', { limit: 100 })).entries.filter((e: { action: string }) => e.action === 'reveal')
    expect(await reveals()).toEqual([])
    expect(await call(police, 'reveal', { id: regId, purpose: 'inspection', reason: '入户走访核实' })).toEqual({ ok: true, docNumber: DOCS.tenant, phone: PHONES.tenant2 })
    expect(await reveals()).toEqual([expect.objectContaining({ actorName: '吴刚', actorRole: 'police', action: 'reveal', target: regId, reason: '治安检查：入户走访核实' })])
    expect(await call(tenant, 'audit')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('exports the area as CSV for police only, audited', async () => {
    expect(await call(manager, 'exportCsv', { purpose: 'inspection', reason: '季度出租屋核查' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(disp, 'exportCsv', { purpose: 'inspection', reason: '季度出租屋核查' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const csv = await call(police, 'exportCsv', { purpose: 'inspection', reason: '季度出租屋核查' })
    expect(csv).toMatchObject({ ok: true, rows: 1 })
    expect(csv.csv.startsWith('\uFEFF登记编号,状态')).toBe(true)
    expect(csv.csv).toContain(DOCS.tenant)
    const audit = await call(police, 'audit')
    expect(audit.entries[0]).toMatchObject({ action: 'export', reason: '治安检查：季度出租屋核查' })
  })

  it('the street\'s existing exports are audited too', async () => {
    expect(await disp.call('cases', 'exportCsv', {})).toMatchObject({ ok: true })
    expect(await disp.call('mediation', 'ledgerCsv', {})).toMatchObject({ ok: true })
    const admin = await as(srv.url, 'demo-admin')
    const actions = (await call(admin, 'audit', { limit: 100 })).entries.map((e: { target: string }) => e.target.split(' ')[0])
    expect(actions).toEqual(expect.arrayContaining(['cases.exportCsv', 'mediation.ledgerCsv', 'rental.exportCsv', regId]))
  })
})

async function wechat(openid: string): Promise<Client> {
  const res = await fetch(`${srv.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) })
  const body = (await res.json()) as { ok: boolean; token: string }
  if (!body.ok) throw new Error(`dev login as ${openid} failed`)
  return client(srv.url, body.token)
}

/** An answer without what differs by the number itself (ids, the masked number, times). */
function shape(r: any) {
  if (!r.ok) return r
  const x = r.registration ?? r.dispute
  // The case number is the street's next of the year: its form is the same, its digits are not.
  const { id: _id, docNumberMasked: _m, createdAt: _c, number, ...rest } = x
  return { ok: r.ok, replayed: r.replayed, keys: Object.keys(x).sort(), numbered: /^\S+-\d{4}-\d{5}$/.test(number), ...rest }
}

describe('identity numbers: no oracle, the conflict for the manager, misuse disputes for the police', () => {
  let stranger: Client, control: Client
  const asked: string[] = []
  let disputeId = ''

  beforeAll(async () => {
    stranger = await wechat('dev-id-prober')
    control = await wechat('dev-id-control')
  })

  it('a fresh identity asking about a registered number 40 times gets what a fresh number gets, limited after the configured max', async () => {
    const max = LIMITS['rental.checkIn']!.max
    const answers: string[] = []
    let firstInput: unknown
    for (let i = 0; i < 40; i++) {
      const input = checkInInput({ room: '201', name: '张三', docNumber: DOCS.tenant, phone: PHONES.short })
      firstInput ??= input
      const probe = await call(stranger, 'checkIn', input)
      const fresh = await call(control, 'checkIn', checkInInput({ room: '201', name: '张三', docNumber: FRESH[i], phone: PHONES.short }))
      expect(shape(probe)).toEqual(shape(fresh))
      if (probe.ok) asked.push(probe.registration.id)
      answers.push(probe.ok ? 'ok' : probe.code)
    }
    expect(answers).toEqual([...Array(max).fill('ok'), ...Array(40 - max).fill('RATE_LIMITED')])
    // A retry of an accepted check-in is still answered beyond the limit.
    expect(await call(stranger, 'checkIn', firstInput)).toMatchObject({ ok: true, replayed: true, registration: { id: asked[0] } })
  })

  it('the manager sees the conflict on those registrations only, cannot confirm one while the number is active, and refuses with a reason', async () => {
    const pending = (await call(manager, 'registrations', { buildingId: demoBuildingId, statuses: ['pending'] })).registrations as Array<{ id: string; alerts: string[]; version: number }>
    for (const id of asked) expect(pending.find((r) => r.id === id)!.alerts).toContain(ALERT_LIVE)
    for (const r of pending.filter((x) => !asked.includes(x.id))) expect(r.alerts).toEqual([])
    expect(JSON.stringify(pending)).not.toContain('刘洋')
    const target = pending.find((r) => r.id === asked[0])!
    expect(await call(manager, 'decide', { id: target.id, version: target.version, approve: true })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('已有在住登记') })
    const refused = await call(manager, 'decide', { id: target.id, version: target.version, approve: false, reason: '证件号已有在住登记，请持本人证件到场核实' })
    expect(refused).toMatchObject({ ok: true, registration: { status: 'refused', refusedReason: '证件号已有在住登记，请持本人证件到场核实' } })
    const mine = (await call(stranger, 'mine')).registrations as Array<{ id: string; alerts: string[]; refusedReason: string | null }>
    expect(mine.find((r) => r.id === target.id)).toMatchObject({ refusedReason: '证件号已有在住登记，请持本人证件到场核实', alerts: [] })
    expect(mine.every((r) => r.alerts.length === 0)).toBe(true)
  })

  it('the real owner raises 有人冒用我的证件: the same answer as for any number, and it reaches the police area list', async () => {
    const dispute = (docNumber: string) => ({ idempotencyKey: idemKey(), buildingCode: DEMO_BUILDING_CODE, docType: 'id_card', docNumber, note: '我本人没有在这里登记过第二次，有人冒用我的身份证号' })
    const owner = await call(tenant, 'reportMisuse', dispute(DOCS.tenant))
    const other = await call(control, 'reportMisuse', dispute(FRESH[45]!))
    expect(owner).toMatchObject({ ok: true, replayed: false, dispute: { statusLabel: '待核实', docNumberMasked: '4401**********1235', buildingName: '云景路 18 号出租屋' } })
    expect(shape(owner)).toEqual(shape(other))
    disputeId = owner.dispute.id
    expect(await call(tenant, 'reportMisuse', { ...dispute(DOCS.tenant), docNumber: '440106199001011234' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { docNumber: expect.any(String) } })

    const area = await call(police, 'area', {})
    const d = (area.disputes as Array<any>).find((x) => x.id === disputeId)
    expect(d).toMatchObject({ status: 'open', statusLabel: '待核实', docNumberMasked: '4401**********1235', reporterName: '刘洋', gridName: '云景社区第1网格', buildingName: '云景路 18 号出租屋' })
    const related = new Map<string, { alerts: string[]; phone: string | null }>(d.related.map((r: { id: string }) => [r.id, r]))
    expect(related.get(regId)!.alerts).toEqual([ALERT_LIVE, ALERT_MISUSE])
    expect(related.get(regId)!.phone).toBe('139****0002')
    for (const id of asked.slice(1)) expect(related.get(id)!.alerts).toContain(ALERT_MISUSE)
    expect(JSON.stringify(area)).not.toContain(DOCS.tenant)
    // The fresh number's dispute is in the list too, with no registrations behind it.
    expect((area.disputes as Array<any>).find((x) => x.id === other.dispute.id)).toMatchObject({ related: [] })
    // The street's list carries no disputes; they are the police's.
    expect((await call(disp, 'area', {})).disputes).toEqual([])
    // The area police are told, with the masked number only.
    await advance(srv.url, 0)
    const told = (await police.call('inbox', 'list', {})).items.filter((i: { title: string }) => i.title === '新的证件冒用反映')
    expect(told.map((i: { body: string }) => i.body)).toContainEqual(expect.stringMatching(/^有人反映证件「4401\*{10}1235」(（[^）]+）)?被冒用登记，请在辖区登记中核实处理$/))
    expect(JSON.stringify(told)).not.toContain(DOCS.tenant)
  })

  it('misuse disputes are limited per WeChat identity, and only the area police close them', async () => {
    const max = LIMITS['rental.reportMisuse']!.max
    const codes: string[] = []
    for (let i = 0; i < max; i++) {
      const r = await call(control, 'reportMisuse', { idempotencyKey: idemKey(), buildingCode: DEMO_BUILDING_CODE, docType: 'id_card', docNumber: FRESH[i % 3]!, note: '有人冒用我的证件登记了' })
      codes.push(r.ok ? 'ok' : r.code)
    }
    // One was raised in the previous test.
    expect(codes).toEqual([...Array(max - 1).fill('ok'), 'RATE_LIMITED'])
    const d = (await call(police, 'area', {})).disputes.find((x: { id: string }) => x.id === disputeId)
    for (const c of [disp, manager, tenant, gw]) expect(await call(c, 'closeDispute', { id: disputeId, version: d.version, note: '已核实' })).toMatchObject({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) })
    expect(await call(police, 'closeDispute', { id: disputeId, version: d.version, note: '' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const closed = await call(police, 'closeDispute', { id: disputeId, version: d.version, note: '已入户核实，另一登记人冒用，已驳回并立案' })
    expect(closed).toMatchObject({ ok: true, dispute: { status: 'closed', statusLabel: '已处理', resolution: '已入户核实，另一登记人冒用，已驳回并立案' } })
    expect((await call(police, 'area', {})).disputes.map((x: { id: string }) => x.id)).not.toContain(disputeId)
    // The person who raised it hears that it was handled, not what was found.
    await advance(srv.url, 0)
    const notice = (await tenant.call('inbox', 'list', {})).items.find((i: { title: string }) => i.title === '证件冒用反映已处理')
    expect(notice).toMatchObject({ caseId: null, body: expect.stringContaining('4401**********1235') })
    expect(notice.body).not.toContain('立案')
  })
})

describe('fire inspection', () => {
  it('files a failed item as a report case in the building\'s grid, visible in the grid worker\'s queue', async () => {
    const items = (await call(manager, 'inspectionItems')).items as Array<{ code: string }>
    expect(items.length).toBeGreaterThanOrEqual(5)
    const pic = await photo(manager)
    const answers = items.map((i) => ({ code: i.code, passed: i.code !== 'ebike_charging', ...(i.code === 'ebike_charging' ? { note: '一楼楼道有电动车充电' } : {}) }))
    expect(await call(manager, 'inspect', { idempotencyKey: idemKey(), buildingId: demoBuildingId, items: answers.slice(1), photos: [] })).toMatchObject({ ok: false, code: 'VALIDATION', details: { items: expect.any(String) } })
    expect(await call(manager2, 'inspect', { idempotencyKey: idemKey(), buildingId: demoBuildingId, items: answers, photos: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const input = { idempotencyKey: idemKey(), buildingId: demoBuildingId, items: answers, photos: [pic] }
    const r = await call(manager, 'inspect', input)
    expect(r).toMatchObject({ ok: true, replayed: false, inspection: { failed: 1, inspectorName: '王建国' } })
    expect(r.inspection.caseIds).toHaveLength(1)
    expect(await call(manager, 'inspect', input)).toMatchObject({ ok: true, replayed: true, inspection: { id: r.inspection.id, caseIds: r.inspection.caseIds } })
    const q = await gw.call('cases', 'queue', {})
    const filed = q.cases.find((c: { id: string }) => c.id === r.inspection.caseIds[0])
    expect(filed).toMatchObject({ gridCode: GRID1_CODE, categoryName: '消防安全 / 电动车违规充电' })
    const c = await gw.call('cases', 'get', { id: r.inspection.caseIds[0] })
    expect(c.case.description).toContain('消防安全巡查：无电动自行车入户或楼道充电 不合格 — 云景路 18 号出租屋')
    expect((await call(manager, 'inspections', { buildingId: demoBuildingId })).inspections).toHaveLength(1)
  })

  it('the street sees the buildings overdue for their monthly check', async () => {
    const r = await call(disp, 'overdueInspections', {})
    expect(r.ok).toBe(true)
    const codes = r.buildings.map((b: { code: string; inspectionState: string }) => `${b.code}:${b.inspectionState}`)
    expect(codes).not.toContain(`${DEMO_BUILDING_CODE}:never`)
    expect(codes.some((x: string) => x.endsWith(':never'))).toBe(true) // the building registered above
    expect(await call(manager, 'overdueInspections', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('check-ins never show up among reports', async () => {
    const q = await disp.call('cases', 'queue', { limit: 100 })
    expect(q.cases.every((c: { id: string }) => c.id !== regId)).toBe(true)
    expect(await disp.call('cases', 'get', { id: regId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await tenant.call('reports', 'mine', {})).cases).toEqual([])
  })
})

describe('leaving, reminders and the purge', () => {
  it('check-out revokes door access after the grant, retried until the door system acknowledges', async () => {
    hooks = []
    const cur = (await call(tenant, 'mine')).registrations[0]
    const out = await call(tenant, 'checkOut', { id: regId, version: cur.version })
    expect(out).toMatchObject({ ok: true, registration: { status: 'checked_out', statusLabel: '已退租' } })
    failNext = 1
    const t1 = await advance(srv.url, 0)
    expect(t1.timers['rental-timer']).toMatchObject({ ok: true })
    expect(hooks).toHaveLength(0)
    await advance(srv.url, 0.02) // past the first back-off
    expect(hooks).toHaveLength(1)
    expect(verify(hooks[0]!)).toMatchObject({ type: 'revoke', registrationId: regId })
    expect((await manager.call('inbox', 'list', {})).items.map((i: { title: string }) => i.title)).toContain('已退租注销')
    // The document is free again once the stay has ended.
    const again = await call(resident, 'checkIn', checkInInput({ room: '102', name: '刘洋', phone: PHONES.short }))
    expect(again).toMatchObject({ ok: true, registration: { status: 'pending' } })
    const wd = await call(resident, 'checkOut', { id: again.registration.id, version: 1 })
    expect(wd).toMatchObject({ ok: true, registration: { status: 'checked_out' } })
  })

  it('flags a stay past its lease end once, and reminds the manager', async () => {
    const now = new Date((await advance(srv.url, 0)).now)
    const leaseEnd = shanghaiDay(new Date(now.getTime() + 86_400_000))
    const r = await call(tenant, 'checkIn', checkInInput({ room: '301', docNumber: DOCS.short, phone: PHONES.short, moveInDate: shanghaiDay(now), leaseEnd }))
    expect(r.ok).toBe(true)
    expect((await call(manager, 'decide', { id: r.registration.id, version: 1, approve: true })).ok).toBe(true)
    expect((await advance(srv.url, 0)).timers['rental-timer']).toMatchObject({ leaseOverdue: 0 })
    expect((await advance(srv.url, 48)).timers['rental-timer']).toMatchObject({ leaseOverdue: 1 })
    expect((await advance(srv.url, 24)).timers['rental-timer']).toMatchObject({ leaseOverdue: 0 })
    const roster = await call(manager, 'registrations', { buildingId: demoBuildingId, statuses: ['active'] })
    expect(roster.registrations.find((x: { id: string }) => x.id === r.registration.id)).toMatchObject({ leaseOverdue: true })
    const items = (await manager.call('inbox', 'list', {})).items
    expect(items.find((i: { title: string }) => i.title === '租约已到期')).toMatchObject({ body: expect.stringContaining('301 室') })
    expect((await tenant.call('inbox', 'list', {})).items.map((i: { title: string }) => i.title)).not.toContain('租约已到期')

    // The tenant extends the lease: the flag goes and the door system is granted the new end.
    hooks = []
    const cur = (await call(tenant, 'mine')).registrations.find((x: { id: string }) => x.id === r.registration.id)
    const longer = shanghaiDay(new Date(now.getTime() + 90 * 86_400_000))
    expect(await call(tenant, 'update', { id: cur.id, version: cur.version, leaseEnd: longer })).toMatchObject({ ok: true, registration: { leaseEnd: longer, leaseOverdue: false } })
    await advance(srv.url, 0)
    expect(hooks.map((h) => verify(h))).toEqual([expect.objectContaining({ type: 'grant', registrationId: r.registration.id, validUntil: longer })])
  })

  it('purges identity numbers and phones after the retention period, keeping an anonymised record', async () => {
    expect((await advance(srv.url, 24 * 170)).timers['rental-timer']).toMatchObject({ purged: 0 })
    const t = await advance(srv.url, 24 * 12)
    expect(t.timers['rental-timer'].purged).toBe(7) // the checked-out stays (both of the race), the withdrawal and the three refusals
    const mine = (await call(tenant, 'mine')).registrations.find((r: { id: string }) => r.id === regId)
    expect(mine).toMatchObject({ status: 'purged', statusLabel: '已清除', name: null, docNumberMasked: null, phone: null, cohabitants: [], room: '101', docType: 'id_card', moveInDate: '2026-11-01' })
    expect(await call(police, 'reveal', { id: regId, purpose: 'case', reason: '核查来访人员' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await call(police, 'area', { q: DOCS.tenant, purpose: 'case', reason: '核查来访人员' })).registrations.filter((r: { id: string }) => r.id === regId)).toEqual([])
    expect((await advance(srv.url, 24)).timers['rental-timer']).toMatchObject({ purged: 0 })
  })

  it('leaves no plain identity number or phone in any file of the data directory or in the server output', async () => {
    const secrets = [...Object.values(DOCS), ...Object.values(PHONES), ...FRESH.slice(0, 3)]
    const { files, found } = secretsLeft(srv, secrets)
    expect(files.some((f) => f.endsWith('jiefang.sqlite-wal'))).toBe(true)
    expect(found).toEqual([])
  })
})
