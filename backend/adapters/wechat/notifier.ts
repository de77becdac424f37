import type { Notifier, SubscribeMessage } from '../../ports'

interface WxOpenApiApp {
  callWxOpenApi(o: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>
}

/** Subscribe messages through the cloud function's WeChat open API (no access token handling). */
export class WechatNotifier implements Notifier {
  constructor(private readonly app: WxOpenApiApp) {}

  async sendSubscribe(msg: SubscribeMessage): Promise<void> {
    const res = await this.app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: { touser: msg.openid, template_id: msg.templateId, page: msg.page, data: msg.data, miniprogram_state: 'formal' },
    })
    const body = typeof res.result === 'string' ? JSON.parse(res.result) : res.result
    const code = (body as { errcode?: number } | undefined)?.errcode ?? 0
    // 43101: the user has no consent left — not worth retrying; anything else is.
    if (code !== 0 && code !== 43101) throw new Error(`subscribe send failed: errcode ${code}`)
  }
}
