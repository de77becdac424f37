/**
 * The phone-button exchange on the wire: the real node-sdk `callWxOpenApi` against the loopback
 * fake, answering with WeChat's getuserphonenumber bodies and the platform's `{ code, message }`
 * failures. Only a mainland number in `phone_info` is ever a success; everything the appid may not
 * do falls back to typing (PHONE_CODE_UNAVAILABLE).
 */
import { GET_USER_PHONE_NUMBER, WechatPhoneNumbers } from '../../backend/adapters/wechat/phoneNumber'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

const CODE = 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144'
/** WeChat's answer to a valid code, as node-sdk hands it back in `result`. */
const OK = {
  errcode: 0,
  errmsg: 'ok',
  phone_info: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86', watermark: { timestamp: 1765000000, appid: 'wx0123456789abcdef' } },
}

let fake: FakeCloudbase
let phones: WechatPhoneNumbers
beforeAll(async () => {
  fake = new FakeCloudbase()
  await fake.start()
  phones = new WechatPhoneNumbers(sdkApp(fake, 1500))
})
afterAll(async () => {
  await fake.stop()
})

function answer(body: unknown): void {
  fake.inject('wx.api', { json: { data: { responseData: typeof body === 'string' ? body : JSON.stringify(body) } } })
}

it('sends the code to getuserphonenumber and reads purePhoneNumber', async () => {
  answer(OK)
  expect(await phones.exchange(CODE)).toEqual({ ok: true, phone: '13912345678' })
  const r = fake.calls('wx.api').at(-1)!.body
  expect({ apiName: r.apiName, requestData: JSON.parse(String(r.requestData)) }).toEqual({ apiName: GET_USER_PHONE_NUMBER, requestData: { code: CODE } })
})

it('asks for a new tap on an invalid or used code (40029), a moment on a busy platform', async () => {
  answer({ errcode: 40029, errmsg: 'invalid code hint: [x] rid: y' })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('重新') })
  answer({ errcode: -1, errmsg: 'system error' })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'UNAVAILABLE', retryable: true })
  answer({ errcode: 45011, errmsg: 'api minute-quota reach limit' })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
})

it('falls back to typing where the appid may not use the button, and on any platform failure', async () => {
  for (const body of [{ errcode: 40013, errmsg: 'invalid appid' }, { errcode: 48001, errmsg: 'api unauthorized' }, { errcode: 1400001, errmsg: 'quota exhausted' }, 'not json', {}]) {
    answer(body)
    expect(await phones.exchange(CODE)).toEqual({ ok: false, code: 'PHONE_CODE_UNAVAILABLE', message: '暂时无法使用微信手机号，请手动填写' })
  }
  fake.inject('wx.api', { json: { code: 'SYS_ERR', message: 'wx api call failed' } })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'PHONE_CODE_UNAVAILABLE' })
  fake.inject('wx.api', { status: 502 })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'PHONE_CODE_UNAVAILABLE' })
})

it('takes only a mainland mobile number, never a malformed one', async () => {
  answer({ ...OK, phone_info: { phoneNumber: '+852 61234567', purePhoneNumber: '61234567', countryCode: '852' } })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('手动填写') })
  answer({ ...OK, phone_info: { purePhoneNumber: '1391234', countryCode: '86' } })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false, code: 'PHONE_CODE_UNAVAILABLE' })
  answer({ errcode: 0, errmsg: 'ok' })
  expect(await phones.exchange(CODE)).toMatchObject({ ok: false })
})
