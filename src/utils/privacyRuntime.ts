import Taro from '@tarojs/taro'
import { createPrivacyGate, type PrivacyGate } from './privacy'

export const PRIVACY_PAGE = '/pages/privacy/index'

const holder = Taro as unknown as { __jfPrivacy?: PrivacyGate }

/**
 * The one gate of the app run. Subpackages get their own copy of this module, so the instance lives
 * on the Taro module object that the main package holds once (as the outbox does).
 */
export function privacyGate(): PrivacyGate {
  if (holder.__jfPrivacy) return holder.__jfPrivacy
  const gate = createPrivacyGate({
    topPage: () => {
      const pages = Taro.getCurrentPages()
      return pages[pages.length - 1]?.route ?? ''
    },
    openPage: () => void Promise.resolve(Taro.navigateTo({ url: PRIVACY_PAGE })).catch(() => gate.decline()),
  })
  holder.__jfPrivacy = gate
  return gate
}

/** Called once at launch (weapp): from then on WeChat asks us, and our prompt asks the person. */
export function listenForPrivacyRequests(): void {
  const t = Taro as unknown as { onNeedPrivacyAuthorization?: (l: (resolve: (o: object) => void, info?: { referrer?: string }) => void) => void }
  if (typeof t.onNeedPrivacyAuthorization !== 'function') return
  const gate = privacyGate()
  t.onNeedPrivacyAuthorization((resolve, info) => gate.onNeed(resolve, info))
}
