import Taro from '@tarojs/taro'
import { api } from './index'

/**
 * Subscribe-message consent (mini-program only). WeChat only shows the consent dialog from a tap,
 * so the template id is fetched ahead of time (when the form opens) and kept for the app run;
 * the tap then asks straight away instead of waiting for the network first.
 */
let templateId: string | null | undefined
let loading: Promise<string | null> | null = null

export function preloadTemplates(): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null)
  if (templateId !== undefined) return Promise.resolve(templateId)
  loading ??= api.call('inbox.templates', {}).then((r) => {
    loading = null
    // A failed fetch is tried again on the next submit; a configured "none" is remembered.
    if (r.ok) templateId = r.templates.caseStatus
    return r.ok ? r.templates.caseStatus : null
  })
  return loading
}

/** What came of asking: 'none' when there is nothing to subscribe to (H5, or no template configured). */
export type SubscribeOutcome = 'accepted' | 'declined' | 'none'

/**
 * Never blocks or fails the report: refusing, closing the dialog or an old client all just go on.
 * 我的 (消息通知设置) asks the same way and tells the person what came of it.
 */
export async function askSubscribeConsent(): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'weapp') return 'none'
  const id = templateId !== undefined ? templateId : await preloadTemplates()
  if (!id) return 'none'
  try {
    // entityIds is Alipay's field; WeChat only reads tmplIds.
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    if (res[id] !== 'accept') return 'declined'
    void api.call('inbox.subscribe', { accepted: [id] })
    return 'accepted'
  } catch {
    // Declined permanently in settings, or not supported: the report goes without the message.
    return 'declined'
  }
}
