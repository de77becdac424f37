import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { elderClass, useElderMode, wechatFontScale } from '../../utils/elder'
import { TABS } from '../../utils/tabs'
import Icon from '../Icon'
import { a11y } from '../../utils/a11y'
import './index.css'

interface Props {
  /** Index in TABS of the page showing. */
  current: number
}

/**
 * 首页 / 消息 / 我的. Drawn by us, not WeChat's native bar, so the elder mode can scale it with the
 * tokens: the mini-program shows it as its custom-tab-bar; on H5 (no custom tab bar there) each
 * tab page renders it itself. The tab showing has its icon on a tinted pill and its name in bold.
 */
export default function TabBar({ current }: Props) {
  const elder = useElderMode()
  // The mini-program's bar is a component outside every page's .jf-root: it carries the root's class and scale itself.
  const weapp = process.env.TARO_ENV === 'weapp'
  const scale = weapp ? wechatFontScale() : 1
  return (
    <View
      className={weapp ? `jf-tabbar jf-root ${elderClass(elder)}` : 'jf-tabbar'}
      id='jf-tabbar'
      data-elder={elder ? '1' : '0'}
      {...a11y('tablist')}
      style={scale !== 1 ? { '--jf-scale': String(scale) } as Record<string, string> : undefined}
    >
      {TABS.map((t, i) => (
        <View
          key={t.pagePath}
          id={t.id}
          className={`jf-tabbar-item ${i === current ? 'is-current' : ''}`}
          data-current={i === current ? '1' : '0'}
          {...a11y('tab', { selected: i === current })}
          onClick={() => {
            if (i !== current) void Taro.switchTab({ url: `/${t.pagePath}` })
          }}
        >
          <View className='jf-tabbar-pill'>
            <Icon name={t.icon} />
          </View>
          <Text className='jf-tabbar-text'>{t.text}</Text>
        </View>
      ))}
    </View>
  )
}
