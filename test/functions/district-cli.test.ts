/**
 * From an empty environment to a working district: `npm run district -- bootstrap` writes the
 * district and its first administrator and prints an invitation; that admin binds it from WeChat
 * and imports the street from GeoJSON. The command line's org / staff / invite do the same without
 * the console. Locally over SQLite, and the bootstrap use case over the CloudBase fake.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import { bootstrapDistrict } from '../../backend/usecases/admin/bootstrap'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { quietSdkRuntime, sdkApp } from '../cloudbase/sdkApp'
import { client, ROOT, startServer } from '../support/server'

quietSdkRuntime()

function district(dataDir: string, ...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [join(ROOT, 'dist-server/district.js'), ...args], { env: { ...process.env, JIEFANG_MODE: 'local', DATA_DIR: dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    return { code: 0, out }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, out: `${err.stdout}${err.stderr}` }
  }
}

const codeIn = (out: string) => /邀请码：([2-9A-HJKMNP-Z]{8})/.exec(out)?.[1] ?? ''

describe('bootstrap of an empty environment', () => {
  it('first admin by invitation, bound from WeChat, then the street from GeoJSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jf-boot-'))
    expect(district(dataDir, 'bootstrap', '--name', '郑华', '--phone', '12')).toMatchObject({ code: 1, out: expect.stringContaining('未完成：手机号格式错误：12') })
    const first = district(dataDir, 'bootstrap', '--name', '郑华', '--phone', '13800000000')
    expect(first.code).toBe(0)
    expect(first.out).toContain('白云区 的管理员邀请码：')
    // Run again before anyone bound: a new code, the first one stops working.
    const second = district(dataDir, 'bootstrap', '--name', '郑华', '--phone', '13800000000')
    expect(codeIn(second.out)).not.toBe(codeIn(first.out))

    const srv = await startServer({ dataDir, env: { JIEFANG_TIMER_MS: '0' } })
    try {
      const res = await fetch(`${srv.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'dev-first-admin' }) })
      const phone = client(srv.url, ((await res.json()) as { token: string }).token)
      expect(await phone.call('session', 'bind', { code: codeIn(first.out) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await phone.call('session', 'bind', { code: codeIn(second.out) })).toMatchObject({ ok: true, user: { name: '郑华', roles: [{ role: 'admin', unitCode: '440111', unitName: '白云区' }] } })
      // No demo data was seeded: the district is all there is until the admin imports.
      expect((await phone.call('admin', 'units', {})).units.map((u: { code: string }) => u.code)).toEqual(['440111'])
      const geojson = readFileSync(join(ROOT, 'settings/samples/jingxi-grids.geojson'), 'utf8')
      const plan = await phone.call('admin', 'planOrg', { geojson })
      expect(plan.plan).toMatchObject({ errors: [], unchanged: 0 })
      expect(plan.plan.added).toHaveLength(1 + 4 + 14)
      expect(await phone.call('admin', 'applyOrg', { geojson, fingerprint: plan.plan.fingerprint })).toMatchObject({ ok: true })
      expect((await phone.call('admin', 'units', {})).units).toHaveLength(20)
    } finally {
      await srv.stop()
    }
    expect(district(dataDir, 'bootstrap', '--name', '郑华', '--phone', '13800000000')).toMatchObject({ code: 1, out: expect.stringContaining('已有绑定微信的管理员') })
  })

  it('sets a district up from the command line: org dry run then apply, staff with a bad row, an invitation', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jf-cli-'))
    expect(district(dataDir, 'bootstrap', '--name', '郑华', '--phone', '13800000000').code).toBe(0)
    const geojson = join(ROOT, 'settings/samples/jingxi-grids.geojson')
    const dry = district(dataDir, 'org', geojson)
    expect(dry).toMatchObject({ code: 0, out: expect.stringContaining('新增 19，变更 0，删除 0，无变化 0，错误 0\n这是预览') })
    expect(dry.out).toContain('新增 网格 440111010004001 新市社区第1网格')
    expect(district(dataDir, 'org', geojson, '--apply').out).toContain('已导入')
    expect(district(dataDir, 'org', geojson).out).toContain('新增 0，变更 0，删除 0，无变化 19')
    const roster = join(mkdtempSync(join(tmpdir(), 'jf-cli-roster-')), 'staff.csv')
    writeFileSync(roster, readFileSync(join(ROOT, 'settings/samples/staff.csv'), 'utf8') + '错号,123,网格员,440111010004001,,\n')
    expect(district(dataDir, 'staff', roster, '--apply', '--all-or-nothing')).toMatchObject({ code: 1, out: expect.stringContaining('第 7 行 手机：手机号格式错误：123') })
    const applied = district(dataDir, 'staff', roster, '--apply')
    expect(applied).toMatchObject({ code: 0, out: expect.stringContaining('共 6 行，5 行可导入，1 处错误，写入 4 人') })
    const buildings = join(mkdtempSync(join(tmpdir(), 'jf-cli-buildings-')), 'buildings.csv')
    writeFileSync(buildings, '名称,地址,网格编码,楼层,房号,楼栋长手机\n新市 1 栋,新市路 2 号,440111010004002,5,101-105,13900000402\n')
    expect(district(dataDir, 'buildings', buildings, '--apply')).toMatchObject({ code: 0, out: expect.stringContaining('新增 新市 1 栋 新市社区第2网格 5 层 5 间 楼栋长 何伟\n共 1 行，0 处错误，登记 1 栋') })
    expect(district(dataDir, 'buildings', buildings, '--apply').out).toContain('已有 新市 1 栋')
    expect(district(dataDir, 'invite', '--phone', '13900000401')).toMatchObject({ code: 0, out: expect.stringMatching(/^林晓 的邀请码：[2-9A-HJKMNP-Z]{8}/) })
    expect(district(dataDir, 'invite', '--phone', '13900009999')).toMatchObject({ code: 1, out: expect.stringContaining('没有手机号为 13900009999 的工作人员') })
  })

  it('writes the same through the CloudBase store (real SDK, loopback fake)', async () => {
    const fake = new FakeCloudbase()
    await fake.start()
    const store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 5 })
    try {
      await store.ensureCollections()
      const ulid = monotonicFactory()
      const r = await bootstrapDistrict({ store, clock: { now: () => new Date('2026-03-01T00:00:00Z') }, newId: () => ulid(), config: defaultDistrictConfig() }, { name: '郑华', phone: '13800000000' })
      expect(r).toMatchObject({ ok: true, district: '白云区', invitation: { status: 'open', expiresAt: '2026-03-04T00:00:00.000Z' } })
      expect(await store.listUnits()).toEqual([{ code: '440111', name: '白云区', level: 'district', parentCode: null }])
      expect(await store.listStaff(['440111'], ['admin'])).toEqual([expect.objectContaining({ name: '郑华', phone: '13800000000', openid: null })])
    } finally {
      await store.close()
      await fake.stop()
    }
  })
})
