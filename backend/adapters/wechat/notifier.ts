import { DeliveryFailedError, DeliveryRefusedError } from '../../errors'
import type { Notifier, SubscribeMessage } from '../../ports'

/** The node-sdk app's `callWxOpenApi`, as far as subscribe messages use it. */
export interface WxOpenApiApp {
  callWxOpenApi(o: { apiName: string; requestData: unknown }): Promise<{ result?: unknown; code?: unknown; message?: unknown }>
}

export const SUBSCRIBE_SEND = '/cgi-bin/message/subscribe/send'

/**
 * WeChat's answers no retry changes: the person refused or has no consent left, or what we sent
 * is wrong (template, page, data, recipient). Every other errcode (-1 busy, 45009 quota …) is retried.
 */
const FINAL: Record<number, string> = {
  43101: '用户拒绝接收，或没有剩余的订阅次数',
  43104: '接收人不属于本小程序',
  43107: '用户已关闭此类长期订阅消息',
  47003: '模板数据不符合要求（内容或长度）',
  40037: '模板编号无效，请核对区级配置的订阅消息模板',
  41030: '跳转页面不存在或未发布',
  40003: '接收人的微信身份无效',
}

/**
 * Subscribe messages through the cloud function's open API (node-sdk `callWxOpenApi`, no access
 * token handling). A failed platform call reaches us either thrown or answered as `{ code, message }`
 * with no `result` (the SDK's compatibility mode); WeChat's own answer is `result.errcode`.
 */
export class WechatNotifier implements Notifier {
  constructor(private readonly app: WxOpenApiApp) {}

  async sendSubscribe(msg: SubscribeMessage): Promise<void> {
    let res: { result?: unknown; code?: unknown }
    try {
      res = await this.app.callWxOpenApi({
        apiName: SUBSCRIBE_SEND,
        requestData: { touser: msg.openid, template_id: msg.templateId, page: msg.page, data: msg.data, miniprogram_state: msg.state, lang: 'zh_CN' },
      })
    } catch (e) {
      const code = (e as { code?: unknown })?.code
      throw new DeliveryFailedError(code ? `云开发调用微信接口失败（${String(code).slice(0, 40)}）` : '网络错误，未能连接微信接口', String(code ?? 'network'))
    }
    if (!res || typeof res !== 'object' || res.code || res.result === undefined) {
      const code = String(res?.code ?? 'no-result').slice(0, 40)
      throw new DeliveryFailedError(`云开发调用微信接口失败（${code}）`, code)
    }
    const body = typeof res.result === 'string' ? safeJson(res.result) : res.result
    const errcode = (body as { errcode?: unknown } | null)?.errcode
    if (errcode === 0) return
    // Only errcode 0 is a sent message: an answer without one is not taken as delivered.
    const n = typeof errcode === 'number' ? errcode : Number.NaN
    if (Number.isNaN(n)) throw new DeliveryFailedError('微信接口的回答无法识别', 'unreadable')
    if (FINAL[n]) throw new DeliveryRefusedError(`${FINAL[n]}（${n}）`, String(n))
    throw new DeliveryFailedError(`微信接口暂时出错（${n}）`, String(n))
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}
