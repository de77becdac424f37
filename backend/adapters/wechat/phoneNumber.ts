import { fail, type Failure } from '../../../src/core/outcome'
import { phoneCodeUnavailable, type PhoneNumbers } from '../../phoneNumberPort'
import type { WxOpenApiApp } from './contentSecurity'

export const GET_USER_PHONE_NUMBER = '/wxa/business/getuserphonenumber'

/** 40029: the code is unknown, expired (5 minutes) or already used — a new tap gives a new one. */
const CODE_INVALID = 40029
/** -1 system busy, 45011 the per-user minute quota: the same tap may work in a moment. */
const BUSY = new Set([-1, 45011])

type Body = {
  errcode?: unknown
  phone_info?: { phoneNumber?: unknown; purePhoneNumber?: unknown; countryCode?: unknown } | null
}

/**
 * The exchange through the cloud function's open API (node-sdk `callWxOpenApi`, which answers
 * `{ result, requestId }` with WeChat's body in `result`, or `{ code, message }` / a throw when the
 * platform call itself failed). WeChat answers `{ errcode: 0, phone_info: { phoneNumber,
 * purePhoneNumber, countryCode, watermark } }`. Anything the appid may not do (40013 invalid appid,
 * 48001 no permission, a used-up quota, an individual account) falls back to typing.
 */
export class WechatPhoneNumbers implements PhoneNumbers {
  constructor(private readonly app: WxOpenApiApp) {}

  async exchange(code: string): Promise<{ ok: true; phone: string } | Failure> {
    let res: { result?: unknown; code?: string; message?: string }
    try {
      res = await this.app.callWxOpenApi({ apiName: GET_USER_PHONE_NUMBER, requestData: { code } })
    } catch (e) {
      warn('call failed', (e as { code?: unknown })?.code ?? null)
      return phoneCodeUnavailable()
    }
    if (!res || typeof res !== 'object' || res.result === undefined || res.code) {
      warn('call failed', res?.code ?? null)
      return phoneCodeUnavailable()
    }
    const body = (typeof res.result === 'string' ? safeJson(res.result) : res.result) as Body | null
    if (!body || typeof body !== 'object') return phoneCodeUnavailable()
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode === CODE_INVALID) return fail('VALIDATION', '手机号授权已失效，请重新点击获取')
    if (BUSY.has(errcode)) return fail('UNAVAILABLE', '微信繁忙，请稍后重试')
    if (errcode !== 0) {
      warn('refused', errcode)
      return phoneCodeUnavailable()
    }
    const info = body.phone_info
    const pure = info?.purePhoneNumber
    if (typeof pure !== 'string') return phoneCodeUnavailable()
    // Mainland numbers only: mediation, check-in and staff all reach people at an 11-digit number.
    if (String(info?.countryCode ?? '') !== '86') return fail('VALIDATION', '仅支持中国大陆手机号，请手动填写')
    if (!/^1[3-9]\d{9}$/.test(pure)) return phoneCodeUnavailable()
    return { ok: true, phone: pure }
  }
}

function warn(msg: string, code: unknown): void {
  console.warn(JSON.stringify({ level: 'warn', msg: `getuserphonenumber ${msg}`, code }))
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}
