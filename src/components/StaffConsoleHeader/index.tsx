import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HOME_URL } from '../../api'
import { useSession } from '../../hooks/useSession'
import './index.css'

const PAGES = [
  { key: 'queue', title: '事项工作台', url: '/pages/console/queue/index' },
  { key: 'dashboard', title: '数据看板', url: '/pages/console/dashboard/index' },
] as const

/** Top bar of the 综治中心 desk pages: whose centre this is, and the two views. */
export default function StaffConsoleHeader({ current }: { current: 'queue' | 'dashboard' }) {
  const { state } = useSession()
  const desk = state.status === 'ready' ? state.me.roles.find((r) => r.role === 'dispatcher' || r.role === 'admin') : undefined
  const who = state.status === 'ready' ? `${state.me.name}${desk ? ` · ${desk.roleLabel}` : ''}` : ''

  return (
    <View className='jf-ch' id='jf-console-header'>
      <View className='jf-ch-brand'>
        <Text className='jf-ch-logo'>综</Text>
        <View className='jf-ch-titles'>
          <Text className='jf-ch-title'>{desk ? `${desk.unitName} 综治中心` : '综治中心'}</Text>
          <Text className='jf-ch-sub'>街坊通 · 基层治理事项办理</Text>
        </View>
      </View>
      <View className='jf-ch-nav'>
        {PAGES.map((p) => (
          <Text
            key={p.key}
            id={`jf-console-nav-${p.key}`}
            className={`jf-ch-link ${current === p.key ? 'is-active' : ''}`}
            onClick={() => current !== p.key && void Taro.redirectTo({ url: p.url })}
          >
            {p.title}
          </Text>
        ))}
      </View>
      <View className='jf-ch-user'>
        {who && <Text className='jf-ch-who'>{who}</Text>}
        <Text className='jf-ch-home' id='jf-console-home' onClick={() => void Taro.reLaunch({ url: HOME_URL })}>
          返回首页
        </Text>
      </View>
    </View>
  )
}
