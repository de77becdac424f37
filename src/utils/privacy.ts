/**
 * WeChat's privacy authorisation (用户隐私保护指引). Once the app listens to
 * wx.onNeedPrivacyAuthorization, WeChat no longer shows its own dialog: a privacy API (location,
 * photos, clipboard, phone number, avatar, nickname …) stays pending until we resolve it, and an
 * `agree` counts only after the person tapped our `<Button openType='agreePrivacyAuthorization'>`.
 *
 * The gate below holds the pending calls (several may wait at once: one answer settles all) and
 * hands them to the prompt mounted on the page in front (components/PrivacyPrompt); a page without
 * one opens the prompt as a page of its own, which goes back once answered.
 */
export const PRIVACY_AGREE_ID = 'jf-privacy-agree'

export type PrivacyAnswer = { event: 'exposureAuthorization' | 'disagree' } | { event: 'agree'; buttonId: string }
export type PrivacyResolve = (answer: PrivacyAnswer) => void

/** What each privacy API asks for, in the prompt's words (eventInfo.referrer names the API). */
const PURPOSES: Array<[RegExp, string]> = [
  [/Location/i, '获取您的位置，用于确定问题所在网格'],
  [/chooseImage|chooseMedia|camera/i, '选择或拍摄照片，用于随上报一起提交'],
  [/Clipboard/i, '使用剪贴板，用于复制邀请码'],
  [/PhoneNumber/i, '获取您的手机号，用于调解和租住登记时联系您'],
  [/chooseAvatar|nickname/i, '设置您的头像和昵称'],
  [/saveImage|PhotosAlbum|showShareImageMenu/i, '保存二维码图片到相册'],
]

export function purposeOf(referrer: string | undefined): string | null {
  return (referrer && PURPOSES.find(([re]) => re.test(referrer))?.[1]) || null
}

interface Prompt {
  page: string
  show(purpose: string | null): void
  hide(): void
}

export interface PrivacyGateDeps {
  /** The route of the page in front, without a leading slash (`pages/report/new/index`). */
  topPage(): string
  /** No prompt on the page in front: open the prompt page. */
  openPage(): void
}

export function createPrivacyGate(deps: PrivacyGateDeps) {
  let pending: PrivacyResolve[] = []
  let purpose: string | null = null
  let shownBy: Prompt | null = null
  // The prompt page is on its way: do not open a second one for a request arriving meanwhile.
  let opening = false
  const prompts: Prompt[] = []
  const norm = (p: string) => p.replace(/^\//, '').split('?')[0]!

  /** The newest prompt mounted on the page in front shows the request (a page may mount more than one). */
  function present(): void {
    if (!pending.length || shownBy) return
    const top = norm(deps.topPage())
    const p = [...prompts].reverse().find((x) => norm(x.page) === top)
    if (!p) {
      if (!opening) deps.openPage()
      opening = true
      return
    }
    opening = false
    shownBy = p
    p.show(purpose)
    for (const r of pending) r({ event: 'exposureAuthorization' })
  }

  function settle(answer: PrivacyAnswer): void {
    const waiting = pending
    pending = []
    purpose = null
    opening = false
    shownBy?.hide()
    shownBy = null
    for (const r of waiting) r(answer)
  }

  return {
    /** The wx.onNeedPrivacyAuthorization listener. */
    onNeed(resolve: PrivacyResolve, info?: { referrer?: string }): void {
      pending.push(resolve)
      purpose = purpose ?? purposeOf(info?.referrer)
      if (shownBy) resolve({ event: 'exposureAuthorization' })
      else present()
    },
    /** A prompt appeared on `page`; it shows a request already waiting for that page. Returns the unmount. */
    mount(page: string, show: (purpose: string | null) => void, hide: () => void): () => void {
      const p: Prompt = { page, show, hide }
      prompts.push(p)
      present()
      return () => {
        const i = prompts.indexOf(p)
        if (i >= 0) prompts.splice(i, 1)
        if (shownBy === p) {
          // The page closed with the question open: that is no agreement.
          shownBy = null
          settle({ event: 'disagree' })
        }
      }
    },
    /** After the agreePrivacyAuthorization button's event: WeChat checks that button was tapped. */
    agree: () => settle({ event: 'agree', buttonId: PRIVACY_AGREE_ID }),
    decline: () => settle({ event: 'disagree' }),
    waiting: () => pending.length,
  }
}

export type PrivacyGate = ReturnType<typeof createPrivacyGate>
