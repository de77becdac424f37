import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { devAuth, isLocalDev } from '../../api'
import RoleSwitcher from '../../components/RoleSwitcher'
import { useSession } from '../../hooks/useSession'
import './index.css'

const ENTRIES = [
  { id: 'jf-entry-report', icon: '报', title: '上报问题', hint: '随手拍，反映身边的问题', url: '/pages/report/new/index' },
  { id: 'jf-entry-mine', icon: '事', title: '我的事项', hint: '查看办理进度', url: '/pages/cases/mine/index' },
]

export default function Home() {
  const { state, reload } = useSession()
  const [switching, setSwitching] = useState(false)
  const shown = useRef(false)

  // Coming back from another page (e.g. after a sign-out elsewhere) refreshes who is signed in.
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })

  const signedIn = () => {
    setSwitching(false)
    void reload()
  }

  if (state.status === 'signedOut' || (isLocalDev && switching)) {
    return (
      <View className='jf-page jf-home'>
        <View className='jf-home-hero'>
          <Text className='jf-home-title'>街坊通</Text>
          <Text className='jf-home-sub'>请选择一个演示账号进入</Text>
        </View>
        <RoleSwitcher onSignedIn={signedIn} />
      </View>
    )
  }

  return (
    <View className='jf-page jf-home'>
      <View className='jf-home-hero' id='jf-greeting'>
        {state.status === 'ready' ? (
          <>
            <Text className='jf-home-title'>您好，{state.me.name}</Text>
            <View className='jf-home-roles'>
              {state.me.roles.map((r) => (
                <Text key={`${r.role}-${r.unitCode}`} className='jf-home-role' data-role={r.role}>
                  {r.roleLabel} · {r.unitName}
                </Text>
              ))}
            </View>
          </>
        ) : (
          <Text className='jf-home-title'>{state.status === 'loading' ? '正在加载…' : '您好'}</Text>
        )}
      </View>

      <View className='jf-home-entries'>
        {ENTRIES.map((e) => (
          <View key={e.id} id={e.id} className='jf-home-entry' onClick={() => void Taro.navigateTo({ url: e.url })}>
            <View className='jf-home-entry-icon'>
              <Text>{e.icon}</Text>
            </View>
            <Text className='jf-home-entry-title'>{e.title}</Text>
            <Text className='jf-home-entry-hint'>{e.hint}</Text>
          </View>
        ))}
      </View>

      {state.status === 'error' && (
        <View className='jf-card jf-home-error'>
          <Text>{state.message}</Text>
          <Button size='small' onClick={() => void reload()}>
            重试
          </Button>
        </View>
      )}

      {isLocalDev && devAuth && (
        <View className='jf-home-dev'>
          <Button id='jf-switch-role' size='small' fill='outline' onClick={() => setSwitching(true)}>
            开发者：切换角色
          </Button>
        </View>
      )}
    </View>
  )
}
