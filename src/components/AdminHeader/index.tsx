import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HOME_URL } from '../../api'
import { useSession } from '../../hooks/useSession'
import '../StaffConsoleHeader/index.css'
import './index.css'

const PAGES = [
  { key: 'org', title: '单位与网格', url: '/pages/admin/org/index' },
  { key: 'staff', title: '工作人员与邀请', url: '/pages/admin/staff/index' },
  { key: 'config', title: '区级配置', url: '/pages/admin/config/index' },
] as const

export type AdminPage = (typeof PAGES)[number]['key']

/** Top bar of the administrator's desk pages (H5): the district, and the three setup views. */
export default function AdminHeader({ current }: { current: AdminPage }) {
  const { state } = useSession()
  const admin = state.status === 'ready' ? state.me.roles.find((r) => r.role === 'admin') : undefined
  return (
    <View className='jf-ch jf-ah' id='jf-admin-header'>
      <View className='jf-ch-brand'>
        <Text className='jf-ch-logo'>管</Text>
        <View className='jf-ch-titles'>
          <Text className='jf-ch-title'>{admin ? `${admin.unitName} 区级管理` : '区级管理'}</Text>
          <Text className='jf-ch-sub'>街坊通 · 组织架构、人员与配置</Text>
        </View>
      </View>
      <View className='jf-ch-nav'>
        {PAGES.map((p) => (
          <Text
            key={p.key}
            id={`jf-admin-nav-${p.key}`}
            className={`jf-ch-link ${current === p.key ? 'is-active' : ''}`}
            onClick={() => current !== p.key && void Taro.redirectTo({ url: p.url })}
          >
            {p.title}
          </Text>
        ))}
      </View>
      <View className='jf-ch-user'>
        {state.status === 'ready' && <Text className='jf-ch-who'>{state.me.name}</Text>}
        <Text className='jf-ch-home' onClick={() => void Taro.reLaunch({ url: HOME_URL })}>
          返回首页
        </Text>
      </View>
    </View>
  )
}
