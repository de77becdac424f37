import { randomUUID } from 'node:crypto'
import { fail } from '../../src/core/outcome'
import { deps } from '../runtime'
import { receiveMediaCheck } from '../usecases/moderation/mediaCheck'
import { carriesCaller } from './timerMain'

/**
 * The `wxa_media_check` message push (an image check's verdict), which WeChat delivers to this
 * function with no caller: like a timer, any call whose context names a caller is refused, and a
 * verdict applies only to a trace id a report is waiting on. Never throws to the platform.
 */
export async function mediaCheckPush(event: unknown, context: unknown): Promise<object> {
  const requestId = randomUUID()
  if (carriesCaller(context)) {
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
