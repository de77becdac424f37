import { fail, type Failure } from '../../../src/core/outcome'
import { SUGGESTS, type ContentSecurity, type Suggest } from '../../contentSecurityPort'

// The push parsers live with the port, so that the use case reading a push needs no adapter.
export { isMediaCheckPush, parseMediaCheckPush } from '../../contentSecurityPort'

/** The node-sdk app's `callWxOpenApi`, as far as the checks use it. */
export interface WxOpenApiApp {
  callWxOpenApi(o: { apiName: string; requestData: unknown }): Promise<{ result?: unknown; code?: string; message?: string }>
}

export const MSG_SEC_CHECK = '/wxa/msg_sec_check'
export const MEDIA_CHECK_ASYNC = '/wxa/media_check_async'
/** 3 论坛: text and images that others read, as a post. */
export const SCENE_PUBLIC_POST = 3
/** msgSecCheck takes at most 2,500 characters. */
export const MAX_TEXT = 2500

const UNAVAILABLE = '内容安全检测暂不可用，请稍后重试'
/** 40003 invalid OPENID; 61010 the user has not opened the mini-program in the last two hours. */
const NEEDS_RECENT_USER = new Set([40003, 61010])
const NO_RECENT_USER = '内容安全检测需要近两小时内打开过小程序的微信用户，请在小程序中打开后重试'

type Body = { errcode?: unknown; errmsg?: unknown; result?: { suggest?: unknown; label?: unknown }; trace_id?: unknown }

/**
 * Content security through the cloud function's open API (node-sdk `callWxOpenApi`, no access
 * token handling). The SDK throws `{ code, message }` for a failed platform call, or answers it
 * without `result` when throwing is switched off; WeChat's own refusals come as `errcode`.
 */
export class WechatContentSecurity implements ContentSecurity {
  constructor(private readonly app: WxOpenApiApp) {}

  async checkText(text: string, openid?: string): Promise<{ ok: true; suggest: Suggest; label: number } | Failure> {
    if (!openid) return fail('VALIDATION', NO_RECENT_USER)
    const body = await this.call(MSG_SEC_CHECK, { content: text.slice(0, MAX_TEXT), version: 2, scene: SCENE_PUBLIC_POST, openid })
    if ('ok' in body) return body
    // v1's answer for unpublishable text, should an account still be answered that way.
    if (body.errcode === 87014) return { ok: true, suggest: 'risky', label: 0 }
    const refused = refusal(body)
    if (refused) return refused
    const suggest = body.result?.suggest
    if (!SUGGESTS.includes(suggest as Suggest)) return fail('UNAVAILABLE', UNAVAILABLE)
    return { ok: true, suggest: suggest as Suggest, label: typeof body.result?.label === 'number' ? body.result.label : 0 }
  }

  async checkImage(url: string, openid?: string): Promise<{ ok: true; traceId: string } | Failure> {
    if (!openid) return fail('VALIDATION', NO_RECENT_USER)
    const body = await this.call(MEDIA_CHECK_ASYNC, { media_url: url, media_type: 2, version: 2, scene: SCENE_PUBLIC_POST, openid })
    if ('ok' in body) return body
    const refused = refusal(body)
    if (refused) return refused
    return typeof body.trace_id === 'string' && body.trace_id !== '' ? { ok: true, traceId: body.trace_id } : fail('UNAVAILABLE', UNAVAILABLE)
  }

  private async call(apiName: string, requestData: Record<string, unknown>): Promise<Body | Failure> {
    let res: { result?: unknown; code?: string; message?: string }
    try {
      res = await this.app.callWxOpenApi({ apiName, requestData })
    } catch (e) {
      console.warn(JSON.stringify({ level: 'warn', msg: `${apiName} failed`, code: (e as { code?: unknown })?.code ?? null }))
      return fail('UNAVAILABLE', UNAVAILABLE)
    }
    if (!res || typeof res !== 'object' || res.result === undefined || res.code) {
      console.warn(JSON.stringify({ level: 'warn', msg: `${apiName} failed`, code: res?.code ?? null }))
      return fail('UNAVAILABLE', UNAVAILABLE)
    }
    const body = typeof res.result === 'string' ? safeJson(res.result) : res.result
    return body && typeof body === 'object' ? (body as Body) : fail('UNAVAILABLE', UNAVAILABLE)
  }
}

function refusal(body: Body): Failure | null {
  const code = typeof body.errcode === 'number' ? body.errcode : 0
  if (code === 0) return null
  console.warn(JSON.stringify({ level: 'warn', msg: 'content security refused the call', errcode: code }))
  return fail(NEEDS_RECENT_USER.has(code) ? 'VALIDATION' : 'UNAVAILABLE', NEEDS_RECENT_USER.has(code) ? NO_RECENT_USER : UNAVAILABLE)
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}
