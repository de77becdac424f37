import { randomUUID } from 'node:crypto'
import type { WxOpenApiApp } from '../wechat/contentSecurity'
import { MAX_TEXT, MEDIA_CHECK_ASYNC, MSG_SEC_CHECK } from '../wechat/contentSecurity'

/** Text containing one of these is risky locally unless JIEFANG_CONTENT_BLOCKLIST names others. */
export const DEFAULT_BLOCKED_WORDS = ['违禁词']

export function blockedWordsFrom(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = env.JIEFANG_CONTENT_BLOCKLIST?.split(',').map((w) => w.trim()).filter(Boolean)
  return list?.length ? list : DEFAULT_BLOCKED_WORDS
}

export type MediaCheckPush = Record<string, unknown>
/** Delivers a push the way the platform would; `{ ok: false, code: 'NOT_FOUND' }` asks for a retry. */
export type PushReceiver = (event: MediaCheckPush) => Promise<{ ok: boolean; code?: string }>

const OPENID = /^[A-Za-z0-9_-]{6,128}$/
/** WeChat pushes again when the receiver did not take it; the stand-in does the same, sooner. */
const RETRY_MS = [20, 100, 400, 1500, 4000]

/**
 * The local stand-in for WeChat's content-security open API, answering in the shapes recorded
 * from node-sdk's `callWxOpenApi` (`{ result, requestId }`, WeChat's body in `result`). As strict
 * as WeChat about the request: version 2, a scene of 1–4, an OPENID, text up to 2,500
 * characters, an http(s) or local file URL. Verdicts are deterministic: text with a blocked word
 * is risky, everything else and every image passes. An image's verdict is pushed right away, as a
 * `wxa_media_check` event, to the same receiver the platform's message push reaches.
 */
export class RecordedWxOpenApi implements WxOpenApiApp {
  constructor(
    private readonly blocked: readonly string[],
    private readonly push: PushReceiver,
  ) {}

  async callWxOpenApi(o: { apiName: string; requestData: unknown }): Promise<{ result?: unknown; code?: string; message?: string; requestId?: string }> {
    const requestId = randomUUID()
    const r = o.requestData as Record<string, unknown> | null
    if (typeof r !== 'object' || r === null) return { code: 'INVALID_PARAM', message: 'requestData must be an object', requestId }
    const bad = (errcode: number, errmsg: string) => ({ result: { errcode, errmsg }, requestId })
    if (r.version !== 2) return bad(47001, 'data format error: version')
    if (![1, 2, 3, 4].includes(r.scene as number)) return bad(47001, 'data format error: scene')
    if (typeof r.openid !== 'string' || !OPENID.test(r.openid)) return bad(40003, 'invalid openid')
    if (o.apiName === MSG_SEC_CHECK) {
      if (typeof r.content !== 'string' || r.content.length === 0) return bad(44002, 'empty post data')
      if (r.content.length > MAX_TEXT) return bad(47001, 'data format error: content too long')
      const word = this.blocked.find((w) => (r.content as string).includes(w))
      const result = word ? { suggest: 'risky', label: 20006 } : { suggest: 'pass', label: 100 }
      return { result: { errcode: 0, errmsg: 'ok', result, detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90, keyword: word ?? '' }], trace_id: randomUUID() }, requestId }
    }
    if (o.apiName === MEDIA_CHECK_ASYNC) {
      const url = r.media_url
      if (typeof url !== 'string' || !(/^https?:\/\//.test(url) || url.startsWith('/api/files/'))) return bad(47001, 'data format error: media_url')
      if (r.media_type !== 2) return bad(47001, 'data format error: media_type')
      const traceId = randomUUID().replace(/-/g, '')
      this.deliver({ ToUserName: 'gh_local', FromUserName: r.openid, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-local', trace_id: traceId, version: 2, detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }], errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }, 0)
      return { result: { errcode: 0, errmsg: 'ok', trace_id: traceId }, requestId }
    }
    return { code: 'INVALID_PARAM', message: `unknown apiName ${o.apiName}`, requestId }
  }

  private deliver(event: MediaCheckPush, attempt: number): void {
    const retry = () => {
      if (attempt < RETRY_MS.length) setTimeout(() => this.deliver(event, attempt + 1), RETRY_MS[attempt]).unref?.()
    }
    // After the caller's own write: the trace id is saved once checkImage has answered.
    setImmediate(() => {
      this.push(event).then((r) => (!r.ok && (r.code === 'NOT_FOUND' || r.code === 'UNAVAILABLE' || r.code === 'CONFLICT') ? retry() : undefined), retry)
    })
  }
}
