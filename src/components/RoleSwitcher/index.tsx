import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { devAuth, type DevUser } from '../../api'
import './index.css'

/**
 * Local development only: sign in as one of the demo users the local server seeds, so every role
 * can be tried without WeChat. Never rendered in the mini-program or on CloudBase.
 */
export default function RoleSwitcher({ onSignedIn }: { onSignedIn: () => void }) {
  const [users, setUsers] = useState<DevUser[] | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState('')
  const [wechatId, setWechatId] = useState(() => `dev-${Math.random().toString(36).slice(2, 10)}`)

  const load = async () => {
    if (!devAuth) return
    setError('')
    const r = await devAuth.devUsers()
    if (r.ok) setUsers(r.users)
    else setError(r.message)
  }

  useEffect(() => {
    void load()
  }, [])

  const signIn = async (u: DevUser) => {
    if (!devAuth || busy) return
    setBusy(u.id)
    const r = await devAuth.devLogin(u.id)
    setBusy('')
    if (r.ok) {
      void Taro.showToast({ title: `已切换为 ${u.name}`, icon: 'none' })
      onSignedIn()
    } else setError(r.message)
  }

  // A stranger from WeChat: the server only knows the OPENID, as CloudBase's context would carry.
  const newWechatUser = async () => {
    if (!devAuth || busy) return
    const openid = wechatId.trim()
    setBusy('wechat')
    const r = await devAuth.devLoginOpenid(openid)
    setBusy('')
    if (r.ok) {
      void Taro.showToast({ title: '已作为新微信用户登录', icon: 'none' })
      onSignedIn()
    } else setError(r.message)
  }

  if (!devAuth) return null
  return (
    <View className='jf-role-switcher' id='jf-role-switcher'>
      <CellGroup title='开发者：切换角色' description='本地开发模式，选择一个演示账号登录'>
        {users === null && !error && <Cell title='正在加载演示账号…' />}
        {users?.length === 0 && <Cell title='本地服务没有演示账号' />}
        {users?.map((u) => (
          <Cell
            key={u.id}
            className='jf-dev-user'
            clickable
            title={
              <View data-user-id={u.id}>
                <Text className='jf-dev-user-name'>{u.name}</Text>
              </View>
            }
            description={u.roles.map((r) => `${r.roleLabel} · ${r.unitName}`).join('；') || '无角色'}
            extra={busy === u.id ? '登录中…' : '登录'}
            onClick={() => void signIn(u)}
          />
        ))}
      </CellGroup>
      <CellGroup title='新微信用户' description='模拟第一次打开小程序的微信用户（只有 OPENID），可用于绑定工作人员邀请'>
        <View className='jf-dev-wechat' id='jf-dev-wechat'>
          <Input className='jf-dev-wechat-input' id='jf-dev-openid' value={wechatId} onInput={(e) => setWechatId(e.detail.value)} placeholder='dev-开头的 OPENID' />
          <Button size='small' type='primary' id='jf-dev-wechat-login' loading={busy === 'wechat'} onClick={() => void newWechatUser()}>
            登录
          </Button>
        </View>
      </CellGroup>
      {error && (
        <View className='jf-role-switcher-error'>
          <Text>{error}</Text>
          <Button size='small' onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}
    </View>
  )
}
