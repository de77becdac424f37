import Taro, { useDidShow } from '@tarojs/taro'
import { selectTab } from '../utils/tabs'

/** Taro's H5 page animation (300 ms) plus its delay: when the router's pending hide fires at the latest. */
const H5_HIDE_SETTLED_MS = 450

/**
 * Taro's H5 router, going back to a tab page within its page animation (a quick back from a case to
 * 消息), shows the tab page at once while the hide it scheduled on leaving still runs, which then
 * blanks the page shown. Once that timer has passed, a tab page that is still current is unhidden.
 */
function unhideIfStillCurrent(): void {
  const page = Taro.getCurrentInstance().page
  setTimeout(() => {
    if (!page?.path || Taro.getCurrentInstance().page !== page) return
    document.getElementById(page.path)?.classList.remove('taro_page_shade')
  }, H5_HIDE_SETTLED_MS)
}

/** A tab page marks its tab whenever it shows (the custom tab bar follows; H5 renders the bar in the page). */
export function useTabPage(index: number): void {
  useDidShow(() => {
    selectTab(index)
    if (process.env.TARO_ENV === 'h5') unhideIfStillCurrent()
  })
}
