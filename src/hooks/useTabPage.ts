import { useDidShow } from '@tarojs/taro'
import { selectTab } from '../utils/tabs'

/** A tab page marks its tab whenever it shows (the custom tab bar follows; H5 renders the bar in the page). */
export function useTabPage(index: number): void {
  useDidShow(() => selectTab(index))
}
