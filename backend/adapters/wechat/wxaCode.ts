import { fail, type Failure } from '../../../src/core/outcome'
import type { MiniCodes, WxaEnvVersion } from '../../miniCodePort'

export const GET_UNLIMITED = '/wxa/getwxacodeunlimit'

/**
 * The node-sdk call that hands back the image bytes: `callCompatibleWxOpenApi` (action wx.openApi,
 * the body a Buffer, the answer a Buffer). `callWxOpenApi` JSON-parses the answer and would mangle
 * the PNG. A platform failure is `{ code, message }` (or thrown); WeChat's own refusal is a JSON
 * body `{ errcode, errmsg }`, as an object or as bytes depending on the content type it came with.
 */
export interface CompatibleOpenApiApp {
  callCompatibleWxOpenApi(o: { apiName: string; requestData: Buffer }): Promise<unknown>
}

/** WeChat's refusals of getUnlimited that the district can act on. */
const REASONS: Record<number, string> = {
  41030: '小程序码指向的页面不存在，或小程序尚未发布该版本',
  40097: '小程序码参数不正确',
  40169: '小程序码的场景值超过 32 个字符',
  45009: '今日生成小程序码的次数已用完，请明天再试',
  85096: '该小程序不能生成小程序码（未发布或无权限）',
}

/** JIEFANG_WXACODE_ENV: the build printed codes open (release by default; trial before the first release). */
export function wxaEnvVersion(env: Record<string, string | undefined>): WxaEnvVersion {
  const v = env.JIEFANG_WXACODE_ENV
  return v === 'trial' || v === 'develop' ? v : 'release'
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])

export class WechatMiniCodes implements MiniCodes {
  constructor(
    private readonly app: CompatibleOpenApiApp,
    readonly envVersion: WxaEnvVersion = 'release',
  ) {}

  async unlimited(o: { page: string; scene: string }): Promise<{ ok: true; png: Buffer } | Failure> {
    // check_path false: a code printed before the page is released still works in the trial version.
    const body = { scene: o.scene, page: o.page.replace(/^\//, ''), check_path: false, env_version: this.envVersion, width: 430 }
    let res: unknown
    try {
      res = await this.app.callCompatibleWxOpenApi({ apiName: GET_UNLIMITED, requestData: Buffer.from(JSON.stringify(body)) })
    } catch (e) {
      return unavailable((e as { code?: unknown })?.code)
    }
    if (Buffer.isBuffer(res) && (startsWith(res, PNG) || startsWith(res, JPEG))) return { ok: true, png: res }
    const answer = Buffer.isBuffer(res) ? safeJson(res.toString('utf8')) : res
    if (!answer || typeof answer !== 'object') return unavailable('unreadable')
    const { errcode, code } = answer as { errcode?: unknown; code?: unknown }
    if (typeof errcode === 'number' && errcode !== 0) {
      const reason = REASONS[errcode]
      // A refusal the same call will meet again: not retryable, the reason says what to fix.
      return reason ? { ok: false, code: 'UNAVAILABLE', message: `暂时无法生成小程序码：${reason}（${errcode}）` } : unavailable(errcode)
    }
    return unavailable(code ?? 'unreadable')
  }
}

function unavailable(code: unknown): Failure {
  return fail('UNAVAILABLE', `暂时无法生成小程序码，请稍后重试${code ? `（${String(code).slice(0, 40)}）` : ''}`)
}

function startsWith(b: Buffer, magic: Buffer): boolean {
  return b.length > magic.length && b.subarray(0, magic.length).equals(magic)
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}
