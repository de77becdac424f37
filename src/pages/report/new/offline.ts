import Taro from '@tarojs/taro'
import { NETWORK_LOST, SERVER_DOWN } from '../../../api/failures'
import type { CategoryView } from '../../../contracts/api'
import type { DraftPhoto } from '../../../utils/report-draft'

export const OUTBOX_SAVED = '网络不可用，已保存到待发送，将自动重试'

const CATEGORIES_KEY = 'jf.categories'

/**
 * A photo whose upload failed for a reason that passes by itself (a lost network or server trouble:
 * the api's two UNAVAILABLE messages, which the upload hook keeps), as opposed to one the server
 * refused, which the user has to deal with. Either way the report waits in 待发送 rather than being lost.
 */
export function isOfflinePhoto(p: DraftPhoto): boolean {
  return p.state === 'failed' && (p.error === NETWORK_LOST || p.error === SERVER_DOWN)
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
