/**
 * Putting a district on it, over HTTP through the local server: GeoJSON dry run and apply,
 * staff roster import, invitations bound to a (dev) WeChat identity, revocation, and the
 * district configuration with its history.
 */
import Database from 'better-sqlite3'
import { strToU8, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import { reportInput } from '../support/fixtures'
import { as, asOpenid, ROOT, startServer, type Client, type RunningServer } from '../support/server'

const GEOJSON = readFileSync(join(ROOT, 'settings/samples/jingxi-grids.geojson'), 'utf8')
const NEW_GRID = '440111010004001'
const NEW_GRID_POINT = { lng: 113.32025, lat: 23.193 }
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64')

let srv: RunningServer
let admin: Client, resident: Client, gw: Client

const wechat = (openid: string) => asOpenid(srv.url, openid)

async function importSampleGrids(): Promise<void> {
  const plan = await admin.call('admin', 'planOrg', { geojson: GEOJSON })
  if (plan.plan.added.length === 0) return
  expect(await admin.call('admin', 'applyOrg', { geojson: GEOJSON, fingerprint: plan.plan.fingerprint })).toMatchObject({ ok: true })
}

async function staffId(name: string): Promise<string> {
  const list = await admin.call('admin', 'staff', {})
  const s = list.staff.find((x: { name: string }) => x.name === name)
  if (!s) throw new Error(`${name} is not in the staff list`)
  return s.id
}

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  ;[admin, resident, gw] = await Promise.all(['demo-admin', 'demo-resident', 'demo-grid-worker'].map((u) => as(srv.url, u)))
})
afterAll(async () => {
  await srv?.stop()
})

describe('org import', () => {
  it('is for the district admin only', async () => {
    expect(await gw.call('admin', 'planOrg', { geojson: GEOJSON })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await resident.call('admin', 'units', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('dry run shows the diff and writes nothing; apply needs the reviewed fingerprint; a re-import changes nothing', async () => {
    const dry = await admin.call('admin', 'planOrg', { geojson: GEOJSON })
    expect(dry).toMatchObject({ ok: true, plan: { errors: [], unchanged: 16, changed: [], removed: [] } })
    expect(dry.plan.added.map((u: { code: string; levelLabel: string }) => `${u.levelLabel} ${u.code}`).sort()).toEqual(['社区 440111010004', '网格 440111010004001', '网格 440111010004002'])
    expect((await admin.call('admin', 'units', {})).units.some((u: { code: string }) => u.code === NEW_GRID)).toBe(false)

    const other = JSON.stringify({ ...JSON.parse(GEOJSON), features: JSON.parse(GEOJSON).features.slice(0, 13) })
    expect(await admin.call('admin', 'applyOrg', { geojson: other, fingerprint: dry.plan.fingerprint })).toMatchObject({ ok: false, code: 'CONFLICT', retryable: false })
    expect(await admin.call('admin', 'applyOrg', { geojson: GEOJSON, fingerprint: dry.plan.fingerprint })).toMatchObject({ ok: true })

    const again = await admin.call('admin', 'planOrg', { geojson: GEOJSON })
    expect(again.plan).toMatchObject({ errors: [], added: [], changed: [], removed: [], unchanged: 19 })
    // Another function sees the new grid at once (the local server shares the change mark).
    expect(await resident.call('reports', 'locate', NEW_GRID_POINT)).toMatchObject({ ok: true, grid: { code: NEW_GRID, name: '新市社区第1网格' } })
  })

  it('refuses to remove a grid that still has staff or cases, and says which and why', async () => {
    const fc = JSON.parse(GEOJSON)
    const without = JSON.stringify({ ...fc, features: fc.features.filter((f: { properties: { code: string } }) => f.properties.code !== '440111010001001') })
    const plan = await admin.call('admin', 'planOrg', { geojson: without })
    expect(plan.plan.errors).toEqual([{ feature: 0, code: '440111010001001', field: 'code', reason: expect.stringMatching(/^文件中没有网格「云景社区第1网格」（440111010001001），但它仍有.*名工作人员.*不能删除$/) }])
    expect(await admin.call('admin', 'applyOrg', { geojson: without, fingerprint: plan.plan.fingerprint })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('reports bad GeoJSON without writing: an overlap with its area, a broken file', async () => {
    const fc = JSON.parse(GEOJSON)
    const shifted = JSON.parse(JSON.stringify(fc.features[0]))
    shifted.properties.code = '440111010001099'
    shifted.geometry.coordinates[0] = shifted.geometry.coordinates[0].map(([x, y]: number[]) => [x + 0.002, y])
    const plan = await admin.call('admin', 'planOrg', { geojson: JSON.stringify({ ...fc, features: [...fc.features, shifted] }) })
    expect(plan.plan.overlaps.length).toBeGreaterThan(0)
    expect(plan.plan.errors[0].reason).toMatch(/重叠约 [\d.]+ 平方米/)
    expect(await admin.call('admin', 'planOrg', { geojson: '{not json' })).toMatchObject({ ok: false, code: 'VALIDATION', message: '网格文件不是有效的 JSON' })
  })
})

describe('staff roster import', () => {
  const csv = [
    '姓名,手机,角色,单位编码,调解委员会,部门',
    '林晓,13900000401,网格员,440111010004001,,',
    '无名,abc,网格员,440111010004001,,',
    '何伟,13900000402,网格员,440111010004002,,',
    '何伟,13900000402,调解员,440111010,,',
  ].join('\r\n')

  beforeAll(importSampleGrids)

  it('mixed good and bad rows: dry run writes nothing; apply writes the good rows; re-import changes nothing', async () => {
    const input = { fileName: '名单.csv', contentBase64: b64(csv), dryRun: true, allOrNothing: false }
    const dry = await admin.call('admin', 'importStaff', input)
    expect(dry.plan).toMatchObject({
      rows: 4,
      goodRows: 2,
      applied: 0,
      errors: [
        { row: 3, column: '手机', reason: '手机号格式错误：abc' },
        { row: 5, column: '调解委员会', reason: '调解员需填写调解委员会' },
      ],
    })
    expect(dry.plan.people.map((p: { name: string; change: string }) => `${p.name} ${p.change}`)).toEqual(['林晓 added', '何伟 added'])
    expect((await admin.call('admin', 'staff', {})).staff.some((s: { name: string }) => s.name === '林晓')).toBe(false)

    expect((await admin.call('admin', 'importStaff', { ...input, dryRun: false, allOrNothing: true })).plan.applied).toBe(0)
    expect((await admin.call('admin', 'importStaff', { ...input, dryRun: false })).plan.applied).toBe(2)
    const staff = (await admin.call('admin', 'staff', {})).staff
    expect(staff.find((s: { name: string }) => s.name === '林晓')).toMatchObject({ bound: false, invitation: null, roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: NEW_GRID, unitName: '新市社区第1网格' }] })

    const again = await admin.call('admin', 'importStaff', { ...input, dryRun: false })
    expect(again.plan.applied).toBe(0)
    expect(again.plan.people.map((p: { change: string }) => p.change)).toEqual(['unchanged', 'unchanged'])
  })

  it('reads .xlsx rosters too', async () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>手机</t></is></c><c r="C1" t="inlineStr"><is><t>角色</t></is></c><c r="D1" t="inlineStr"><is><t>单位编码</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>邓敏</t></is></c><c r="B2"><v>13900000409</v></c><c r="C2" t="inlineStr"><is><t>楼栋长</t></is></c><c r="D2" t="inlineStr"><is><t>440111010004002</t></is></c></row></sheetData></worksheet>'
    const xlsx = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) })
    const r = await admin.call('admin', 'importStaff', { fileName: 'roster.xlsx', contentBase64: b64(xlsx), dryRun: false, allOrNothing: true })
    expect(r.plan).toMatchObject({ errors: [], applied: 1 })
  })

  it('refuses rosters from non-admins', async () => {
    expect(await gw.call('admin', 'importStaff', { fileName: 'a.csv', contentBase64: b64(csv), dryRun: true, allOrNothing: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('invitations', () => {
  let linId: string
  beforeAll(async () => {
    await importSampleGrids()
    await admin.call('admin', 'addStaff', { name: '林晓', phone: '13900000401', role: 'grid_worker', unitCode: NEW_GRID })
    linId = await staffId('林晓')
  })

  it('binds the WeChat identity that redeems it; the worker then works their grid; reuse is refused', async () => {
    const inv = await admin.call('admin', 'invite', { userId: linId })
    expect(inv).toMatchObject({ ok: true, code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/), path: `pages/join/index?code=${inv.code}`, invitation: { status: 'open', statusLabel: '待使用' } })
    // Locally an ordinary QR of the H5 binding page at the host the request came to.
    expect(inv.qr).toMatchObject({ kind: 'qr', link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/#\/pages\/join\/index\?code=[2-9A-HJ-NP-Z]{8}$/) })
    expect(inv.qr.svg).toMatch(/^<svg[\s\S]*<\/svg>$/)
    expect(inv.webLink).toBe(inv.qr.link)
    // Only the code's hash is stored.
    const db = new Database(join(srv.dataDir, DB_FILE_NAME), { readonly: true })
    expect(JSON.stringify(db.prepare('SELECT * FROM invitations').all())).not.toContain(inv.code)
    db.close()

    // A resident files a report in the new grid before anyone works it.
    const filed = await resident.call('reports', 'submit', reportInput({ location: { ...NEW_GRID_POINT, address: '新市路 1 号' } }))
    expect(filed).toMatchObject({ ok: true, case: { gridName: '新市社区第1网格' } })

    const phone = await wechat('dev-lin-xiao-phone')
    expect((await phone.call('session', 'me', {})).user.roles).toEqual([expect.objectContaining({ role: 'resident' })])
    expect(await phone.call('cases', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const bound = await phone.call('session', 'bind', { code: ` ${inv.code.slice(0, 4).toLowerCase()}-${inv.code.slice(4)} ` })
    expect(bound).toMatchObject({ ok: true, user: { id: linId, name: '林晓', roles: [{ role: 'grid_worker', unitCode: NEW_GRID }] } })
    expect((await phone.call('session', 'me', {})).user.id).toBe(linId)
    const queue = await phone.call('cases', 'queue', {})
    expect(queue).toMatchObject({ ok: true, total: 1, cases: [{ id: filed.case.id }] })
    // A retry of the same bind answers the same.
    expect(await phone.call('session', 'bind', { code: inv.code })).toMatchObject({ ok: true, user: { id: linId } })

    const other = await wechat('dev-someone-else')
    expect(await other.call('session', 'bind', { code: inv.code })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '邀请码已被使用，如需重新绑定请联系管理员' })
    expect((await admin.call('admin', 'staff', {})).staff.find((s: { id: string }) => s.id === linId)).toMatchObject({ bound: true, invitation: { status: 'used' } })
  })

  it('the dev sign-in for a new WeChat user takes only dev- OPENIDs', async () => {
    for (const openid of ['real-openid-from-wechat', 'dev-', 'dev-a b', 42]) {
      const res = await fetch(`${srv.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ ok: false, code: 'VALIDATION' })
    }
  })

  it('refuses an expired code, a revoked code and a wrong code', async () => {
    const he = (await admin.call('admin', 'addStaff', { name: '何伟', phone: '13900000402', role: 'building_manager', unitCode: '440111010004002' })).ok
    expect(he).toBe(true)
    const heId = await staffId('何伟')
    const soon = await admin.call('admin', 'invite', { userId: heId, validHours: 1 })
    const phone = await wechat('dev-he-wei-phone')
    await fetch(`${srv.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: 2 }) })
    expect(await phone.call('session', 'bind', { code: soon.code })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '邀请码已过期，请联系管理员重新生成' })

    const first = await admin.call('admin', 'invite', { userId: heId })
    const second = await admin.call('admin', 'invite', { userId: heId })
    // A new code replaces the old one.
    expect(await phone.call('session', 'bind', { code: first.code })).toMatchObject({ ok: false, message: '邀请码已撤销，请联系管理员重新生成' })
    expect(await admin.call('admin', 'revokeInvitation', { id: second.invitation.id })).toMatchObject({ ok: true, invitation: { status: 'revoked' } })
    expect(await phone.call('session', 'bind', { code: second.code })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await phone.call('session', 'bind', { code: 'ZZZZZZZZ' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // A session that is not a WeChat identity cannot bind.
    const third = await admin.call('admin', 'invite', { userId: heId })
    expect(await resident.call('session', 'bind', { code: third.code })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('refuses to bind a WeChat that already filed cases as a resident', async () => {
    const phone = await wechat('dev-busy-resident')
    expect(await phone.call('reports', 'submit', reportInput())).toMatchObject({ ok: true })
    await admin.call('admin', 'addStaff', { name: '邓丽', phone: '13900000499', role: 'grid_worker', unitCode: NEW_GRID })
    const inv = await admin.call('admin', 'invite', { userId: await staffId('邓丽') })
    expect(await phone.call('session', 'bind', { code: inv.code })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('已作为居民提交过事项') })
  })

  it('revoking a staff member takes their access away on the next call', async () => {
    await admin.call('admin', 'addStaff', { name: '罗成', phone: '13900000488', role: 'grid_worker', unitCode: NEW_GRID })
    const id = await staffId('罗成')
    const inv = await admin.call('admin', 'invite', { userId: id })
    const phone = await wechat('dev-luo-cheng')
    expect(await phone.call('session', 'bind', { code: inv.code })).toMatchObject({ ok: true })
    expect(await phone.call('cases', 'queue', {})).toMatchObject({ ok: true })
    const byId = await as(srv.url, id)
    expect(await byId.call('cases', 'queue', {})).toMatchObject({ ok: true })

    expect(await admin.call('admin', 'revokeStaff', { userId: id })).toMatchObject({ ok: true, revoked: true })
    expect(await phone.call('cases', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await phone.call('session', 'me', {})).user).toMatchObject({ roles: [{ role: 'resident' }] })
    expect(await byId.call('session', 'me', {})).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '该账号已停用，请联系管理员' })
    expect((await admin.call('admin', 'staff', {})).staff.some((s: { id: string }) => s.id === id)).toBe(false)
  })

  it('a role change applies on the next call', async () => {
    const phoneOfLin = (await admin.call('admin', 'staff', {})).staff.find((s: { id: string }) => s.id === linId)
    expect(phoneOfLin.bound).toBe(true)
    const byId = await as(srv.url, linId)
    expect((await byId.call('session', 'me', {})).user.roles.map((r: { role: string }) => r.role)).toEqual(['grid_worker'])
    await admin.call('admin', 'addStaff', { name: '林晓', phone: '13900000401', role: 'building_manager', unitCode: NEW_GRID })
    expect((await byId.call('session', 'me', {})).user.roles.map((r: { role: string }) => r.role)).toEqual(['grid_worker', 'building_manager'])
  })
})

describe('district configuration', () => {
  it('validates with every bad field named, saves versions with who and what, and is in force at once', async () => {
    const { config, version } = await admin.call('admin', 'config', {})
    expect(version).toBe(0)
    expect(await gw.call('admin', 'config', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const bad = { ...config, acceptHours: -1, categories: [{ ...config.categories[0], code: 'x' }, ...config.categories.slice(1)] }
    const refused = await admin.call('admin', 'saveConfig', { config: bad, baseVersion: 0 })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', details: { acceptHours: expect.any(String), 'categories.0.code': expect.any(String) } })

    const changed = { ...config, acceptHours: 6 }
    expect(await admin.call('admin', 'saveConfig', { config: changed, baseVersion: 0 })).toMatchObject({ ok: true, version: 1, changes: [{ path: 'acceptHours', before: 4, after: 6 }] })
    expect(await admin.call('admin', 'saveConfig', { config: { ...config, acceptHours: 8 }, baseVersion: 0 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await admin.call('admin', 'saveConfig', { config: { ...changed, district: { ...config.district, code: '440112' } }, baseVersion: 1 })).toMatchObject({ ok: false, code: 'VALIDATION', details: { 'district.code': '应为 440111' } })
    expect((await admin.call('admin', 'config', {})).config.acceptHours).toBe(6)
    expect((await admin.call('admin', 'configHistory', {})).versions).toEqual([expect.objectContaining({ version: 1, authorName: '郑华', changes: [{ path: 'acceptHours', before: 4, after: 6 }] })])
    // Another function works with the new configuration: a new report's acceptance deadline is 6 h.
    const filed = await resident.call('reports', 'submit', reportInput())
    const hours = (Date.parse(filed.case.slaDeadline) - Date.parse(filed.case.createdAt)) / 3600_000
    expect(hours).toBeCloseTo(6, 1)
  })
})

describe('building import', () => {
  const sample = readFileSync(join(ROOT, 'settings/samples/buildings.csv'), 'utf8')

  it('registers the good rows for their manager, reports the bad one, and a re-import changes nothing', async () => {
    const csv = `${sample}坏行,云景路 40 号,440111010001001,,,六,101,13800000003\n`
    const input = { fileName: 'buildings.csv', contentBase64: b64(csv), dryRun: true, allOrNothing: false }
    expect(await gw.call('admin', 'importBuildings', input)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const dry = await admin.call('admin', 'importBuildings', input)
    expect(dry.plan).toMatchObject({ rows: 3, applied: 0, errors: [{ row: 4, column: '楼层', reason: '楼层应为 1–200 的整数：六' }] })
    expect(dry.plan.buildings.map((b: { name: string; gridName: string; rooms: number; managerName: string; change: string }) => `${b.name} ${b.gridName} ${b.rooms} ${b.managerName} ${b.change}`)).toEqual([
      '云景花园 5 栋 云景社区第1网格 12 王建国 added',
      '云景花园 6 栋 云景社区第1网格 4 王建国 added',
    ])
    expect((await admin.call('admin', 'importBuildings', { ...input, dryRun: false, allOrNothing: true })).plan.applied).toBe(0)
    expect((await admin.call('admin', 'importBuildings', { ...input, dryRun: false })).plan.applied).toBe(2)

    const manager = await as(srv.url, 'demo-building-manager')
    const mine = await manager.call('rental', 'myBuildings', {})
    expect(mine.buildings.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(['云景花园 5 栋', '云景花园 6 栋']))

    const again = await admin.call('admin', 'importBuildings', { ...input, dryRun: false })
    expect(again.plan.applied).toBe(0)
    expect(again.plan.buildings.map((b: { change: string }) => b.change)).toEqual(['unchanged', 'unchanged'])
    expect((await manager.call('rental', 'myBuildings', {})).buildings).toHaveLength(mine.buildings.length)
  })
})
