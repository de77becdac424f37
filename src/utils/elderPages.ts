import { hooks } from '@tarojs/shared'
import { ELDER_CLASS, isElderMode, onElderModeChange, wechatFontScale } from './elder'

/**
 * Mini-program only: the data every page's `.jf-root` view binds (config/elderRoot.js wraps the page
 * template in it). Filled when a page loads and each time it shows, so a page under the one where the
 * mode was switched shows the switch when the person comes back; the pages open then get it at once.
 */
export interface ElderRootData {
  jfRoot: string
  jfScale: string
}

export function elderRootData(on: boolean = isElderMode(), scale: number = wechatFontScale()): ElderRootData {
  return { jfRoot: on ? ELDER_CLASS : '', jfScale: scale !== 1 ? `--jf-scale:${Math.round(scale * 100) / 100}` : '' }
}

interface PageObject {
  data?: Record<string, unknown>
  onLoad?: (this: MiniPage, ...args: unknown[]) => unknown
  onShow?: (this: MiniPage, ...args: unknown[]) => unknown
}
interface MiniPage {
  setData(data: Record<string, unknown>): void
}

function fill(page: MiniPage): void {
  page.setData({ ...elderRootData() })
}

/**
 * Taps Taro's page-object hook (called for every Page() before WeChat sees it) and re-binds the open
 * pages on a switch. Call once, from the app's module, before any page module runs.
 */
export function wrapPagesForElderMode(): void {
  onElderModeChange(refreshOpenPages)
  hooks.tap('modifyPageObject', (config: PageObject) => {
    config.data = { ...config.data, ...elderRootData() }
    const { onLoad, onShow } = config
    config.onLoad = function (this: MiniPage, ...args: unknown[]) {
      fill(this)
      return onLoad?.apply(this, args)
    }
    config.onShow = function (this: MiniPage, ...args: unknown[]) {
      fill(this)
      return onShow?.apply(this, args)
    }
  })
}

/** Every page open now takes the mode at once (WeChat's getCurrentPages: the stack). */
export function refreshOpenPages(): void {
  const g = globalThis as unknown as { getCurrentPages?: () => MiniPage[] }
  for (const p of g.getCurrentPages?.() ?? []) fill(p)
}
