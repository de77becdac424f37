import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Icon from '../../../components/Icon'
import { a11y, decorative } from '../../../utils/a11y'
import { PROXY_DESK_ENTRIES } from './entries'
import './index.css'

/**
 * 代办服务: a grid worker or 代办员 does for a person who is present what the person would do in the
 * app themselves. Each form asks who the person is and the agent's declaration that they are present
 * and agree; the person can later claim the case with their own phone (我的 → 认领代办事项).
 */
export default function ProxyDesk() {
  return (
    <View className='jf-page jf-proxy-desk'>
      <View className='jf-proxy-desk-intro jf-col'>
        <Text className='jf-proxy-desk-title' {...a11y('heading', { level: 1 })}>
          为在场的居民代办
        </Text>
        <Text className='jf-proxy-desk-text'>适用于不会用或没有智能手机的居民。请当面核对姓名和电话，经本人同意后办理；本人以后可用这个手机号在「我的」认领。</Text>
      </View>
      <View className='jf-proxy-desk-list'>
        {PROXY_DESK_ENTRIES.map((e) => (
          <View key={e.id} id={e.id} className='jf-proxy-desk-entry' {...a11y('link', { label: `${e.title}，${e.hint}` })} onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Icon name={e.icon} className='jf-proxy-desk-icon' />
            <View className='jf-col jf-proxy-desk-words'>
              <Text className='jf-proxy-desk-entry-title'>{e.title}</Text>
              <Text className='jf-proxy-desk-entry-hint'>{e.hint}</Text>
            </View>
            <Text className='jf-proxy-desk-go' {...decorative}>
              ›
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
