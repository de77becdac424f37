/**
 * 小程序码 on the wire: the real node-sdk `callCompatibleWxOpenApi` (the call that hands back the
 * image bytes) against the loopback fake. getUnlimited gets each target's page and scene,
 * `check_path: false` and the configured `env_version`; the image is kept in cloud storage and
 * reused; WeChat's refusals and the platform's failures come back as Chinese failures, never as a
 * broken image.
 */
import { CloudbaseFileStore } from '../../backend/adapters/cloudbase/files'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { GET_UNLIMITED, WechatMiniCodes, wxaEnvVersion } from '../../backend/adapters/wechat/wxaCode'
import type { Deps } from '../../backend/runtime'
import { joinTarget as staffJoinTarget } from '../../backend/usecases/admin/invite'
import { boardTarget } from '../../backend/usecases/grid/boardQr'
import { joinTarget as mediationJoinTarget } from '../../backend/usecases/mediation/inviteQr'
import { checkinTarget } from '../../backend/usecases/rental/buildingQr'
import { shareCode } from '../../backend/usecases/shared/shareCode'
import { FakeCloudbase, type RecordedRequest } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

/** A PNG's signature and a little more: what the gateway answers getUnlimited with. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('wxacode-image-bytes')])

let fake: FakeCloudbase
let codes: WechatMiniCodes
let d: Deps
beforeEach(async () => {
  fake = new FakeCloudbase()
  await fake.start()
  const app = sdkApp(fake, 1500)
  codes = new WechatMiniCodes(app as never, 'trial')
  const files = new CloudbaseFileStore(app, 'jiefang/files', 'test-env')
  d = {
    mode: 'cloudbase',
    store: new CloudbaseStore(app.database(), { retryDelayMs: 1 }),
    files,
    fileUrl: (meta) => files.tempUrl(meta.storageKey),
    miniCodes: codes,
    clock: { now: () => new Date('2026-12-06T03:00:00.000Z') },
  } as Partial<Deps> as Deps
})
afterEach(async () => {
  await (d.store as CloudbaseStore).close()
  await fake.stop()
})

const image = () => fake.inject('wx.openApi', { bytes: PNG, contentType: 'image/png' })
const wxCalls = () => fake.calls('wx.openApi')
/** What the SDK sent as getUnlimited's body (a JSON Buffer in the multipart `requestData`). */
const sent = (r: RecordedRequest) => JSON.parse(r.form!.requestData!.toString('utf8')) as Record<string, unknown>

describe('getUnlimited through node-sdk', () => {
  it('sends page, scene, check_path false and env_version, and takes the PNG bytes', async () => {
    image()
    const r = await codes.unlimited({ page: '/pages/rental/checkin/index', scene: 'b=B7K2Q9' })
    expect(r).toEqual({ ok: true, png: PNG })
    const [call] = wxCalls()
    expect(call!.body).toMatchObject({ action: 'wx.openApi', apiName: GET_UNLIMITED })
    expect(sent(call!)).toEqual({ scene: 'b=B7K2Q9', page: 'pages/rental/checkin/index', check_path: false, env_version: 'trial', width: 430 })
  })

  it('reads WeChat\'s refusal whether the gateway marks it JSON or not, and says what to fix', async () => {
    const body = Buffer.from(JSON.stringify({ errcode: 41030, errmsg: 'invalid page rid: 6751' }))
    fake.inject('wx.openApi', { bytes: body, contentType: 'application/json; charset=utf-8' })
    expect(await codes.unlimited({ page: 'pages/x/index', scene: 'a' })).toEqual({ ok: false, code: 'UNAVAILABLE', message: expect.stringContaining('页面不存在') })
    fake.inject('wx.openApi', { bytes: body, contentType: 'application/json' })
    const again = await codes.unlimited({ page: 'pages/x/index', scene: 'a' })
    expect(again).toMatchObject({ ok: false, code: 'UNAVAILABLE', message: expect.stringContaining('41030') })
    expect(again).not.toHaveProperty('retryable')
  })

  it('answers a platform failure, an HTTP error, a dropped connection or junk as retryable, never as an image', async () => {
    fake.inject('wx.openApi', { json: { code: 'SYS_ERR', message: 'wx api call failed' } })
    fake.inject('wx.openApi', { status: 502 })
    fake.inject('wx.openApi', { reset: true })
    fake.inject('wx.openApi', { bytes: Buffer.from('<html>gateway</html>'), contentType: 'text/html' })
    fake.inject('wx.openApi', { bytes: Buffer.from(JSON.stringify({ errcode: -1, errmsg: 'system error' })), contentType: 'application/json' })
    for (let i = 0; i < 5; i++) {
      expect(await codes.unlimited({ page: 'pages/x/index', scene: 'a' })).toMatchObject({ ok: false, code: 'UNAVAILABLE', retryable: true, message: expect.stringMatching(/^暂时无法生成小程序码/) })
    }
  })

  it('takes env_version from JIEFANG_WXACODE_ENV, release unless trial or develop', () => {
    expect(wxaEnvVersion({})).toBe('release')
    expect(wxaEnvVersion({ JIEFANG_WXACODE_ENV: 'trial' })).toBe('trial')
    expect(wxaEnvVersion({ JIEFANG_WXACODE_ENV: 'develop' })).toBe('develop')
    expect(wxaEnvVersion({ JIEFANG_WXACODE_ENV: 'formal' })).toBe('release')
  })
})

describe('each printable code opens its page with a scene of at most 32 characters', () => {
  const targets = [
    ['building check-in', checkinTarget('B7K2Q9A1C3D5E7F9'), 'pages/rental/checkin/index', 'b=B7K2Q9A1C3D5E7F9'],
    ['grid board and group join', boardTarget('44011100100101'), 'pages/grid/board/index', '44011100100101'],
    ['staff invitation', staffJoinTarget('K7M2Q9XP'), 'pages/join/index', 'K7M2Q9XP'],
    ['mediation invitation', mediationJoinTarget('Q4ZT8HNM'), 'pages/mediation/join/index', 'Q4ZT8HNM'],
  ] as const

  it.each(targets)('%s', async (_name, target, page, scene) => {
    image()
    const qr = await shareCode(d, target)
    expect(qr).toMatchObject({ kind: 'wxacode', page, scene, image: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/cos\/jiefang\/files\/.+\.png\?sign=tmp/) })
    const [call] = wxCalls()
    expect(sent(call!)).toMatchObject({ page, scene, check_path: false, env_version: 'trial' })
    expect(scene.length).toBeLessThanOrEqual(32)
  })

  it('keeps the image in cloud storage and reuses it: one getUnlimited per page and scene', async () => {
    image()
    const first = await shareCode(d, checkinTarget('B7K2Q9'))
    const second = await shareCode(d, checkinTarget('B7K2Q9'))
    expect(second).toEqual(first)
    expect(wxCalls()).toHaveLength(1)
    const stored = [...fake.files.values()]
    expect(stored).toEqual([PNG])
    // Another building is another code.
    image()
    expect(await shareCode(d, checkinTarget('C8L3R4'))).toMatchObject({ kind: 'wxacode', scene: 'b=C8L3R4' })
    expect(wxCalls()).toHaveLength(2)
  })

  it('stores nothing when WeChat refuses, so the next try asks again', async () => {
    fake.inject('wx.openApi', { bytes: Buffer.from(JSON.stringify({ errcode: 45009, errmsg: 'reach max api daily quota limit' })), contentType: 'application/json' })
    expect(await shareCode(d, boardTarget('44011100100101'))).toMatchObject({ ok: false, message: expect.stringContaining('次数已用完') })
    expect(fake.files.size).toBe(0)
    image()
    expect(await shareCode(d, boardTarget('44011100100101'))).toMatchObject({ kind: 'wxacode' })
  })

  it('refuses a scene WeChat would refuse rather than print a broken code', async () => {
    await expect(shareCode(d, { page: 'pages/join/index', scene: 'X'.repeat(33), query: '' })).rejects.toThrow(/32/)
  })
})

describe('links on CloudBase', () => {
  it('point at JIEFANG_PUBLIC_URL only, never at a guessed host', async () => {
    const { webLink } = await import('../../backend/usecases/shared/shareCode')
    const t = staffJoinTarget('K7M2Q9XP')
    expect(webLink({ mode: 'cloudbase' }, t, {})).toBeNull()
    expect(webLink({ mode: 'cloudbase' }, t, { JIEFANG_PUBLIC_URL: 'https://jiefang-1g2h.tcloudbaseapp.com/' })).toBe('https://jiefang-1g2h.tcloudbaseapp.com/#/pages/join/index?code=K7M2Q9XP')
  })
})
