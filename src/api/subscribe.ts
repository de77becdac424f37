import Taro from '@tarojs/taro'
import type { NoticeKind, SubscribeTemplateView } from '../contracts/inbox'
import { api } from './index'

export type { NoticeKind } from '../contracts/inbox'

type Templates = Record<NoticeKind, SubscribeTemplateView | null>

/**
 * Subscribe-message consent (mini-program only). WeChat only shows the consent dialog from a tap,
 * so the templates are fetched ahead of time (when the form opens) and kept for the app run; the
 * tap then asks straight away instead of waiting for the network first.
 */
let templates: Templates | undefined
let loading: Promise<Templates | null> | null = null

export function preloadTemplates(): Promise<Templates | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null)
  if (templates !== undefined) return Promise.resolve(templates)
  loading ??= api.call('inbox.templates', {}).then((r) => {
    loading = null
    // A failed fetch is tried again on the next tap; a configured "none" is remembered.
    if (r.ok) templates = r.templates
    return r.ok ? r.templates : null
  })
  return loading
}

/**
 * The template ids one request may carry: WeChat refuses one-time and long-term templates in the
 * same request and takes at most three, so the kinds listed first (what matters most) win.
 */
export function requestIds(all: Templates, kinds: readonly NoticeKind[]): string[] {
  const chosen = kinds.map((k) => all[k]).filter((t): t is SubscribeTemplateView => t !== null && t !== undefined)
  if (chosen.length === 0) return []
  const long = chosen[0]!.long
  return [...new Set(chosen.filter((t) => t.long === long).map((t) => t.id))].slice(0, 3)
}

/** What came of asking: 'none' when there is nothing to subscribe to (H5, or no template configured). */
export type SubscribeOutcome = 'accepted' | 'declined' | 'none'

/**
 * Asks, at the tap, for the notices that matter in that flow (a report's 办结, the mediation
 * session, the check-in decision). Never blocks or fails the flow: refusing, closing the dialog or
 * an old client all just go on. 我的 (消息通知设置) asks the same way and tells the person what came of it.
 */
export async function askSubscribeConsent(kinds: readonly NoticeKind[]): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'weapp') return 'none'
  const all = templates !== undefined ? templates : await preloadTemplates()
  const ids = all ? requestIds(all, kinds) : []
  if (ids.length === 0) return 'none'
  try {
    // entityIds is Alipay's field; WeChat only reads tmplIds.
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    const accepted = ids.filter((id) => res[id] === 'accept')
    if (accepted.length === 0) return 'declined'
    void api.call('inbox.subscribe', { accepted })
    return 'accepted'
  } catch {
    // Declined permanently in settings, or not supported: the flow goes on without the message.
    return 'declined'
  }
}
