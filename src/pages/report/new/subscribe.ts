import Taro from '@tarojs/taro'
import { api } from '../../../api'

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

/** Never blocks or fails the report: refusing, closing the dialog or an old client all just go on. */
export async function askSubscribeConsent(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const id = templateId !== undefined ? templateId : await preloadTemplates()
  if (!id) return
  try {
    // entityIds is Alipay's field; WeChat only reads tmplIds.
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    const accepted = res[id] === 'accept' ? [id] : []
    if (accepted.length) void api.call('inbox.subscribe', { accepted })
  } catch {
    // Declined permanently in settings, or not supported: the report goes without the message.
  }
}
