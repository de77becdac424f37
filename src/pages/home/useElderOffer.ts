import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { elderOffered, isElderMode, markElderOffered, setElderMode, wantsLargeText, wechatFontScale } from '../../utils/elder'

/**
 * Offers 长辈模式 once, on the home page, to a person whose WeChat font is set large (H5 has no such
 * setting: never). Whatever the answer, it is not asked again: 我的 keeps the switch.
 */
export function useElderOffer(ready: boolean): void {
  useEffect(() => {
    if (!ready || isElderMode() || elderOffered() || !wantsLargeText(wechatFontScale())) return
    markElderOffered()
    void Taro.showModal({
      title: '开启长辈模式？',
      content: '字更大、按钮更大，首页只留最常用的四项。以后可在「我的」里开关。',
      confirmText: '开启',
      cancelText: '暂不',
    }).then((r) => {
      if (r.confirm) setElderMode(true)
    })
  }, [ready])
}
