import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, HOME_URL, staffAuth } from '../../../api'
import { hasStaffSession, sendCode, type PendingCode } from '../../../api/transports/cloudbaseAuth'
import FieldError from '../../../components/FieldError'
import { bindInvitation, standing } from './logic'
import '../../join/index.css'
import TextBox from '../../../components/TextBox'

type Stage = 'checking' | 'phone' | 'code' | 'invite'

/**
 * The H5 desk on CloudBase: staff sign in with an SMS code (CloudBase authentication); the first
 * time, the invitation code from their administrator binds this sign-in to their staff record.
 * Local mode keeps its dev sign-in on the home page and never shows this page.
 */
export default function StaffSignIn() {
  const [stage, setStage] = useState<Stage>('checking')
  const [phone, setPhone] = useState('')
  const [otp, setOtp] = useState('')
  const [invite, setInvite] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const pending = useRef<PendingCode | null>(null)

  const toConsole = () => void Taro.reLaunch({ url: HOME_URL })

  const afterSignIn = async () => {
    const s = await standing(api)
    if (s.stage === 'bound') return toConsole()
    if (s.stage === 'invite') setStage('invite')
    else {
      setStage('phone')
      setError(s.message)
    }
  }

  useEffect(() => {
    if (!staffAuth) {
      setStage('phone')
      setError('本地开发请在首页选择角色登录')
      return
    }
    void staffAuth()
      .then((auth) => hasStaffSession(auth))
      .then((signedIn) => (signedIn ? afterSignIn() : setStage('phone')))
      .catch(() => {
        setStage('phone')
        setError('网络不可用，请稍后重试')
      })
  }, [])

  const run = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }

  const requestCode = () =>
    run(async () => {
      if (!staffAuth) return
      const r = await sendCode(await staffAuth(), phone)
      if (!r.ok) return setError(r.message)
      pending.current = r.verify
      setStage('code')
    })

  const signIn = () =>
    run(async () => {
      if (!pending.current) return setStage('phone')
      const r = await pending.current(otp)
      if (!r.ok) return setError(r.message)
      await afterSignIn()
    })

  const bind = () =>
    run(async () => {
      const r = await bindInvitation(api, invite)
      if (!r.ok) return setError(r.message)
      toConsole()
    })

  const signOut = () =>
    run(async () => {
      if (staffAuth) await (await staffAuth()).signOut()
      pending.current = null
      setOtp('')
      setInvite('')
      setStage('phone')
    })

  return (
    <View className='jf-page jf-join' id='jf-signin-page' data-stage={stage}>
      <View className='jf-card jf-join-card'>
        {stage === 'checking' && <Text className='jf-muted jf-join-help'>正在确认登录状态…</Text>}
        {(stage === 'phone' || stage === 'code') && (
          <>
            <Text className='jf-section-title'>工作人员登录</Text>
            <Text className='jf-muted jf-join-help'>用登记的工作手机接收短信验证码登录。</Text>
            <TextBox id='jf-signin-phone' className='jf-join-input' value={phone} type='tel' onChange={(v) => setPhone(v)} placeholder='手机号' maxLength={16} disabled={stage === 'code'} />
            {stage === 'code' && (
              <TextBox id='jf-signin-otp' className='jf-join-input' value={otp} type='number' onChange={(v) => setOtp(v)} placeholder='短信验证码' maxLength={8} />
            )}
            <FieldError field='signin' message={error} />
            <View className='jf-join-actions'>
              {stage === 'code' && (
                <Button id='jf-signin-resend' fill='outline' disabled={busy} onClick={() => void requestCode()}>
                  重新获取
                </Button>
              )}
              {stage === 'phone' ? (
                <Button id='jf-signin-send' type='primary' loading={busy} onClick={() => void requestCode()}>
                  获取验证码
                </Button>
              ) : (
                <Button id='jf-signin-submit' type='primary' loading={busy} onClick={() => void signIn()}>
                  登录
                </Button>
              )}
            </View>
          </>
        )}
        {stage === 'invite' && (
          <>
            <Text className='jf-section-title'>绑定工作人员账号</Text>
            <Text className='jf-muted jf-join-help'>首次登录请输入管理员发给您的邀请码（一次有效），绑定后本账号即为您的工作账号。</Text>
            <TextBox id='jf-signin-invite' className='jf-join-input' value={invite} onChange={(v) => setInvite(v)} placeholder='8 位邀请码' maxLength={32} field='code' error={error} />
            <View className='jf-join-actions'>
              <Button id='jf-signin-out' fill='outline' disabled={busy} onClick={() => void signOut()}>
                换个账号
              </Button>
              <Button id='jf-signin-bind' type='primary' loading={busy} onClick={() => void bind()}>
                绑定
              </Button>
            </View>
          </>
        )}
      </View>
    </View>
  )
}
