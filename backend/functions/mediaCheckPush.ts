import { randomUUID } from 'node:crypto'
import { fail } from '../../src/core/outcome'
import { deps } from '../runtime'
import { receiveMediaCheck } from '../usecases/report/mediaCheck'
import { CALLER_KEYS, carriesCaller } from './timerMain'

/** What WeChat itself fills from the push's FromUserName; any other caller field is refused. */
const NON_WECHAT_KEYS = CALLER_KEYS.filter((k) => k !== 'WX_OPENID' && k !== 'WX_UNIONID')

/**
 * A push may name a WeChat user: the platform fills the invocation's OPENID from the message's
 * FromUserName. A web sign-in, a custom sign-in or a local session never comes from WeChat.
 */
export function carriesNonWechatCaller(context: unknown): boolean {
  return carriesCaller(context, NON_WECHAT_KEYS)
}

/**
 * The `wxa_media_check` message push (an image check's verdict). WeChat delivers it with the
 * push's FromUserName as the invocation's OPENID, so a WeChat identity alone is not refused; a web
 * or local caller is. What guards a verdict is its trace id: it applies only to a trace id a report
 * is waiting on, and trace ids never leave the server. Never throws to the platform.
 */
export async function mediaCheckPush(event: unknown, context: unknown): Promise<object> {
  const requestId = randomUUID()
  if (carriesNonWechatCaller(context)) {
    console.warn(JSON.stringify({ level: 'warn', fn: 'cases', requestId, msg: 'refused a media-check push that carries a caller' }))
    return fail('FORBIDDEN', '内容安全检测结果只能由微信推送')
  }
  try {
    const d = deps()
    await d.refreshConfig?.()
    return await receiveMediaCheck(d, event)
  } catch (e) {
    const retry = e instanceof Error && e.name === 'StoreUnavailableError'
    console.error(JSON.stringify({ level: 'error', fn: 'cases', requestId, msg: e instanceof Error ? `${e.name}: ${e.message}` : 'unknown' }))
    return fail(retry ? 'UNAVAILABLE' : 'INTERNAL', '内容安全检测结果处理失败，等待微信重新推送')
  }
}
