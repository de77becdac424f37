import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../api'
import type { PrivacyView } from '../../../contracts/account'

/** The notice in force and the consents the caller gave; agreeing here records the version read. */
export function usePrivacy() {
  const [privacy, setPrivacy] = useState<PrivacyView | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [agreeing, setAgreeing] = useState(false)

  const load = useCallback(async () => {
    setError('')
    const r = await api.call('account.privacy', {})
    if (r.ok) setPrivacy(r.privacy)
    else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [])
  useDidShow(() => void load())

  const agree = async () => {
    if (!privacy || agreeing) return
    setAgreeing(true)
    const r = await api.call('account.consent', { version: privacy.notice.version })
    setAgreeing(false)
    if (r.ok) setPrivacy(r.privacy)
    void Taro.showToast({ title: r.ok ? '已同意' : r.message, icon: 'none' })
  }

  return { privacy, error, retryable, load, agreeing, agree }
}
