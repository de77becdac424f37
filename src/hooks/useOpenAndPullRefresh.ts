import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect } from 'react'

/** Loads once when the page opens and again on pull-down, closing the pull-down spinner when the load settles. */
export function useOpenAndPullRefresh(refresh: () => Promise<unknown>): void {
  useEffect(() => {
    void refresh()
  }, [refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
}
