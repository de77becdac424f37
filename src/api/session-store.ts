import Taro from '@tarojs/taro'
import type { TokenStore } from './transports/http'

const KEY = 'jf.session'

/** Local-mode bearer token, kept in Taro storage (localStorage on H5) so a reload stays signed in. */
export const taroTokenStore: TokenStore = {
  get() {
    try {
      const v = Taro.getStorageSync(KEY)
      return typeof v === 'string' && v ? v : null
    } catch {
      return null
    }
  },
  set(token) {
    try {
      if (token) Taro.setStorageSync(KEY, token)
      else Taro.removeStorageSync(KEY)
    } catch {
      // Storage full or blocked: the session just lasts until reload.
    }
  },
}
