import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, devAuth, HOME_URL } from '../../../api'
import type { DeletionView, ProfileView } from '../../../contracts/account'
import { deletionConfirmed } from '../../../utils/account/profile'

/**
 * 注销账号: staff are told up front why they cannot (the server refuses them too); everyone else
 * types 注销. After deletion the page shows what stays, then leaves with the session cleared.
 */
export function useDeleteAccount() {
  const [profile, setProfile] = useState<ProfileView | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState('')
  const [deleting, setDeleting] = useState(false)
  const [done, setDone] = useState<DeletionView | null>(null)

  const load = useCallback(async () => {
    setError('')
    const r = await api.call('account.profile', {})
    if (r.ok) setProfile(r.profile)
    else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [])
  useEffect(() => void load(), [load])

  const remove = async () => {
    if (deleting) return
    if (!deletionConfirmed(typed)) {
      setTypedError('请输入“注销”确认')
      return
    }
    setTypedError('')
    setDeleting(true)
    const r = await api.call('account.delete', { confirm: '注销' })
    setDeleting(false)
    if (r.ok) setDone(r.deletion)
    else setTypedError(r.message)
  }

  /** The WeChat identity stays; the next call makes a new person. Locally the dev session goes too. */
  const leave = () => {
    devAuth?.signOut()
    void Taro.reLaunch({ url: HOME_URL })
  }

  return { profile, error, retryable, load, typed, setTyped, typedError, deleting, remove, done, leave }
}
