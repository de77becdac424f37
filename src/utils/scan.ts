import Taro from '@tarojs/taro'
import { openPage } from './open-page'
import { scanRoute } from './scanLink'

/** 扫一扫 is the mini-program's camera; the H5 build has no scanCode and shows no button. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp'

/** Scans, then opens the page of one of our codes, or says plainly that the code is not ours. */
export async function scanAndOpen(): Promise<void> {
  // qrCode covers 小程序码 too (answered as WX_CODE with its `path`).
  let r: { result?: string; path?: string }
  try {
    r = await Taro.scanCode({ scanType: ['qrCode'] })
  } catch {
    return // Cancelled, or the camera refused: nothing to say.
  }
  const to = scanRoute(r)
  if (to.ok) openPage(to.url)
  else void Taro.showModal({ title: '无法识别', content: to.message, showCancel: false, confirmText: '知道了' })
}
