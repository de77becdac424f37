/**
 * The content-security adapter on the wire: the real node-sdk `callWxOpenApi` against the loopback
 * fake, answering with WeChat bodies recorded from msgSecCheck / mediaCheckAsync (v2) and with the
 * platform's `{ code, message }` failures; plus the local recorded stand-in and the push parser.
 */
import { carriesNonWechatCaller } from '../../backend/functions/mediaCheckPush'
import { RecordedWxOpenApi } from '../../backend/adapters/local/recordedWxOpenApi'
import { MEDIA_CHECK_ASYNC, MSG_SEC_CHECK, parseMediaCheckPush, WechatContentSecurity } from '../../backend/adapters/wechat/contentSecurity'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

const OPENID = 'oG0NJ5Oi_3Dd1HlZJ14xfnA0sJ6s'
/** WeChat's msgSecCheck v2 bodies, as node-sdk hands them back in `result`. */
const PASS = { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }], trace_id: '60ae120f-371d5872-7941a05b' }
const RISKY = { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20001 }, detail: [{ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20001, level: 20, keyword: 'x' }], trace_id: '60ae120f-371d5872-7941a05c' }
const MEDIA = { errcode: 0, errmsg: 'ok', trace_id: '967e945cd8a3e458f3c74dcb886068e9' }

let fake: FakeCloudbase
let security: WechatContentSecurity
beforeAll(async () => {
  fake = new FakeCloudbase()
  await fake.start()
  security = new WechatContentSecurity(sdkApp(fake, 1500))
})
afterAll(async () => {
  await fake.stop()
})

/** The next wx.api call answers `body` the way the platform wraps WeChat's answer. */
function answer(body: unknown): void {
  fake.inject('wx.api', { json: { data: { responseData: typeof body === 'string' ? body : JSON.stringify(body) } } })
}

function lastRequest(): { apiName: string; requestData: Record<string, unknown> } {
  const r = fake.calls('wx.api').at(-1)!.body
  return { apiName: String(r.apiName), requestData: JSON.parse(String(r.requestData)) }
}

describe('msgSecCheck (v2) through node-sdk', () => {
  it('sends the text, version 2, a scene and the OPENID, and reads result.suggest', async () => {
    answer(PASS)
    expect(await security.checkText('楼下垃圾堆了三天', OPENID)).toEqual({ ok: true, suggest: 'pass', label: 100 })
    expect(lastRequest()).toEqual({ apiName: MSG_SEC_CHECK, requestData: { content: '楼下垃圾堆了三天', version: 2, scene: 3, openid: OPENID } })
    answer(RISKY)
    expect(await security.checkText('…', OPENID)).toEqual({ ok: true, suggest: 'risky', label: 20001 })
  })

  it('turns the platform failure `{ code, message }` (thrown by the SDK) into UNAVAILABLE, never a pass', async () => {
    fake.inject('wx.api', { json: { code: 'SYS_ERR', message: 'wx api call failed' } })
    expect(await security.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE', retryable: true })
    fake.inject('wx.api', { status: 502 })
    expect(await security.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })

  it('reads WeChat refusals: a stale or unknown OPENID asks for the mini-program; a body without a verdict is no pass', async () => {
    answer({ errcode: 61010, errmsg: 'user not visited in 2 hours' })
    expect(await security.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('小程序') })
    answer({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
    expect(await security.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    answer({ errcode: 0, errmsg: 'ok', result: { suggest: 'maybe' } })
    expect(await security.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    answer('<html>bad gateway</html>')
    expect(await security.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })

  it('asks nothing without an OPENID (v2 requires one)', async () => {
    const before = fake.calls('wx.api').length
    expect(await security.checkText('楼下垃圾')).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(fake.calls('wx.api').length).toBe(before)
  })

  it('answers a returned `{ code, message }` (SDK compatibility mode) as UNAVAILABLE', async () => {
    const compat = new WechatContentSecurity({ callWxOpenApi: async () => ({ code: 'PERMISSION_DENIED', message: 'no openapi permission' }) })
    expect(await compat.checkText('楼下垃圾', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    expect(await compat.checkImage('https://x/1.jpg', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })
})

describe('mediaCheckAsync (v2) through node-sdk', () => {
  it('sends the image URL as media_type 2 and answers the trace id', async () => {
    answer(MEDIA)
    expect(await security.checkImage('https://6a69-env.tcb.qcloud.la/photos/1.jpg?sign=x', OPENID)).toEqual({ ok: true, traceId: MEDIA.trace_id })
    expect(lastRequest()).toEqual({ apiName: MEDIA_CHECK_ASYNC, requestData: { media_url: 'https://6a69-env.tcb.qcloud.la/photos/1.jpg?sign=x', media_type: 2, version: 2, scene: 3, openid: OPENID } })
    answer({ errcode: 0, errmsg: 'ok' })
    expect(await security.checkImage('https://x/1.jpg', OPENID)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })
})

describe('the wxa_media_check push', () => {
  const push = { ToUserName: 'gh_38cc49f9733b', FromUserName: OPENID, CreateTime: 1626959646, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx8f16a5e42ac0ad3c', trace_id: '60f96f1d-3845297a-1976a3ae', version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } }

  it('reads the trace id and verdict; a failed check reads as review; anything else is not a push', () => {
    expect(parseMediaCheckPush(push)).toEqual({ traceId: push.trace_id, suggest: 'risky', label: 20002 })
    expect(parseMediaCheckPush({ ...push, errcode: -1008, result: null })).toEqual({ traceId: push.trace_id, suggest: 'review', label: 0 })
    for (const bad of [null, {}, { ...push, Event: 'subscribe' }, { ...push, trace_id: '../x' }, { ...push, result: { suggest: 'ok' } }, { action: 'moderate' }]) {
      expect(parseMediaCheckPush(bad)).toBeNull()
    }
  })
})

describe('who may deliver the push', () => {
  const env = (vars: Record<string, string>) => ({ environment: JSON.stringify({ SCF_NAMESPACE: 'env-1', ...vars }) })
  it('lets the platform deliver it with the push user as OPENID, refuses web, custom and local callers', () => {
    expect(carriesNonWechatCaller({})).toBe(false)
    expect(carriesNonWechatCaller(env({ WX_OPENID: OPENID }))).toBe(false)
    expect(carriesNonWechatCaller({ environ: `WX_OPENID=${OPENID};SCF_NAMESPACE=env-1` })).toBe(false)
    expect(carriesNonWechatCaller(env({ WX_OPENID: OPENID, TCB_UUID: 'web-user' }))).toBe(true)
    expect(carriesNonWechatCaller(env({ TCB_CUSTOM_USER_ID: 'someone' }))).toBe(true)
    expect(carriesNonWechatCaller({ jiefangLocal: { authorization: '' } })).toBe(true)
    expect(carriesNonWechatCaller({ environment: '{not json' })).toBe(true)
  })
})

describe('the local recorded stand-in', () => {
  it('is as strict as WeChat about the request and deterministic about verdicts', async () => {
    const pushes: Record<string, unknown>[] = []
    const local = new WechatContentSecurity(new RecordedWxOpenApi(['违禁词'], async (e) => (pushes.push(e), { ok: true })))
    expect(await local.checkText('楼下垃圾堆了三天', 'dev-someone')).toMatchObject({ ok: true, suggest: 'pass' })
    expect(await local.checkText('贴满违禁词广告', 'dev-someone')).toMatchObject({ ok: true, suggest: 'risky' })
    expect(await local.checkText('楼下垃圾', 'bad openid!')).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await local.checkText('x'.repeat(2600), 'dev-someone')).toMatchObject({ ok: true }) // the adapter cuts at 2,500
    expect(await local.checkImage('file:///etc/passwd', 'dev-someone')).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    const r = await local.checkImage('/api/files/01JNC000000000000000000001?exp=1&sig=x', 'dev-someone')
    expect(r).toMatchObject({ ok: true, traceId: expect.any(String) })
    await new Promise((done) => setTimeout(done, 20))
    expect(pushes).toHaveLength(1)
    expect(parseMediaCheckPush(pushes[0])).toEqual({ traceId: (r as { traceId: string }).traceId, suggest: 'pass', label: 100 })
  })

  it('pushes again while the receiver does not know the trace id yet', async () => {
    let calls = 0
    const local = new WechatContentSecurity(new RecordedWxOpenApi([], async () => (++calls < 3 ? { ok: false, code: 'NOT_FOUND' } : { ok: true })))
    await local.checkImage('https://x/1.jpg', 'dev-someone')
    for (let i = 0; i < 40 && calls < 3; i++) await new Promise((done) => setTimeout(done, 25))
    expect(calls).toBe(3)
  })
})
