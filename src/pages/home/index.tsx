import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { devAuth, isLocalDev } from '../../api'
import type DemoRoleSwitcher from '../../components/RoleSwitcher'
import GridEmergencyBanner from '../../components/GridEmergencyBanner'
import TabBar from '../../components/TabBar'
import { useTabPage } from '../../hooks/useTabPage'
import { useElderMode } from '../../utils/elder'
import { openPage } from '../../utils/open-page'
import { CAN_SCAN, scanAndOpen } from '../../utils/scan'
import ElderEntries from './ElderEntries'
import { JOIN_URL, helpEntries, rentalEntries, staffEntries } from './entries'
import HomeCards from './HomeCards'
import { useElderOffer } from './useElderOffer'
import { useHome } from './useHome'
import { a11y } from '../../utils/a11y'
import './index.css'

const go = openPage

/**
 * The demo role switcher signs in through the local server (devAuth), which only the local H5 build
 * has; the mini-program signs in with WeChat and is never signed out, so its main package leaves the
 * switcher (and its NutUI Cell list) out: the weapp build drops this require with the dead branch.
 */
const RoleSwitcher: typeof DemoRoleSwitcher | null = process.env.TARO_ENV === 'h5' ? require('../../components/RoleSwitcher').default : null

export default function Home() {
  const { state, reload, unread, switching, setSwitching, signedIn } = useHome()
  useTabPage(0)
  const elder = useElderMode()
  const [more, setMore] = useState(false)
  useElderOffer(state.status === 'ready')
  if (RoleSwitcher && (state.status === 'signedOut' || (isLocalDev && switching))) {
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

  const ready = state.status === 'ready'
  const roles = ready ? state.me.roles.map((r) => r.role) : []
  const work = ready ? [...staffEntries(roles, process.env.TARO_ENV ?? ''), ...helpEntries(roles, process.env.TARO_ENV ?? ''), ...rentalEntries(roles)] : []

  return (
    <View className='jf-page jf-tab-page jf-home'>
      <View className='jf-home-hero' id='jf-greeting'>
        {CAN_SCAN && state.status === 'ready' && (
          <View className='jf-home-scan' id='jf-home-scan' {...a11y('button')} onClick={() => void scanAndOpen()}>
            <Text>扫一扫</Text>
          </View>
        )}
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

      {state.status === 'ready' && <GridEmergencyBanner />}

      {ready && elder && <ElderEntries more={more} onMore={() => setMore(!more)} />}
      {(!elder || more) && <HomeCards help={ready && !elder} roles={roles} earned={ready ? (state.me.earned ?? []) : []} unread={unread} work={work} />}

      {state.status === 'error' && (
        <View className='jf-card jf-home-error'>
          <Text>{state.message}</Text>
          <Button size='small' onClick={() => void reload()}>
            重试
          </Button>
        </View>
      )}

      {state.status === 'ready' && (!elder || more) && (
        <View className='jf-home-join' id='jf-entry-join' {...a11y('link')} onClick={() => go(JOIN_URL)}>
          <Text>工作人员？输入邀请码绑定本微信</Text>
        </View>
      )}

      {isLocalDev && devAuth && (
        <View className='jf-home-dev'>
          <Button id='jf-switch-role' size='small' fill='outline' onClick={() => setSwitching(true)}>
            开发者：切换角色
          </Button>
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && <TabBar current={0} />}
    </View>
  )
}
