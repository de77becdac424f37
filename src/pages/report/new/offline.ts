import Taro from '@tarojs/taro'
import { unavailable } from '../../../api/failures'
import type { CategoryView } from '../../../contracts/api'
import type { DraftPhoto } from '../../../utils/report-draft'

export const OUTBOX_SAVED = '网络不可用，已保存到待发送，将自动重试'

const CATEGORIES_KEY = 'jf.categories'

/**
 * A photo whose upload failed for network reasons (the api's UNAVAILABLE message, which the
 * upload hook keeps), as opposed to one the server refused, which the user has to deal with.
 */
export function isOfflinePhoto(p: DraftPhoto): boolean {
  return p.state === 'failed' && p.error === unavailable().message
}

export function keepCategories(list: CategoryView[]): void {
  try {
    Taro.setStorageSync(CATEGORIES_KEY, list)
  } catch {
    // Only a convenience for offline use.
  }
}

export function cachedCategories(): CategoryView[] | null {
  try {
    const v = Taro.getStorageSync(CATEGORIES_KEY)
    return Array.isArray(v) && v.length ? (v as CategoryView[]) : null
  } catch {
    return null
  }
}
