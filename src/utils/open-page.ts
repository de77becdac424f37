import Taro from '@tarojs/taro'
import { isTabUrl } from './tabs'

/** Opens a page: switchTab for a tab page (WeChat's navigateTo refuses those), navigateTo for the rest. */
export function openPage(url: string): void {
  if (isTabUrl(url)) void Taro.switchTab({ url: url.split('?')[0] })
  else void Taro.navigateTo({ url })
}
