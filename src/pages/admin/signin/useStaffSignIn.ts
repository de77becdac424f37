import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, HOME_URL, staffAuth } from '../../../api'
import { thrownFailure } from '../../../api/failures'
import { hasStaffSession, sendCode, type PendingCode } from '../../../api/transports/cloudbaseAuth'
import { bindInvitation, standing } from './logic'

export type Stage = 'checking' | 'phone' | 'code' | 'invite'

/** The sign-in page's state: which step the person is on (phone, SMS code, invitation) and each step's action. */
export function useStaffSignIn() {
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
      .catch((e: unknown) => {
        setStage('phone')
        setError(thrownFailure(e, false).message)
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

  return { stage, phone, setPhone, otp, setOtp, invite, setInvite, error, busy, requestCode, signIn, bind, signOut }
}
