import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../api'
import type { NoticeView } from '../contracts/account'

/**
 * The privacy notice (用户隐私保护指引) asked at the moment a person first gives personal data:
 * saving the profile, applying for mediation, checking in. `ensure()` answers true once the
 * version in force is agreed (asking only if it is not yet), false when they decline or it cannot
 * be read. The server remembers the consent, so the sheet shows once per version.
 */
export function useConsentGate() {
  const [notice, setNotice] = useState<NoticeView | null>(null)
  const [saving, setSaving] = useState(false)
  const pending = useRef<((agreed: boolean) => void) | null>(null)

  const settle = (agreed: boolean) => {
    setNotice(null)
    pending.current?.(agreed)
    pending.current = null
  }

  const ensure = useCallback(async (): Promise<boolean> => {
    const p = await api.call('account.profile', {})
    if (!p.ok) {
      void Taro.showToast({ title: p.message, icon: 'none' })
      return false
    }
    if (!p.profile.consentNeeded) return true
    const v = await api.call('account.privacy', {})
    if (!v.ok) {
      void Taro.showToast({ title: v.message, icon: 'none' })
      return false
    }
    // A second ensure() while the sheet is up answers with the first.
    pending.current?.(false)
    setNotice(v.privacy.notice)
    return new Promise<boolean>((resolve) => {
      pending.current = resolve
    })
  }, [])

  const agree = async () => {
    if (!notice || saving) return
    setSaving(true)
    const r = await api.call('account.consent', { version: notice.version })
    setSaving(false)
    if (r.ok) settle(true)
    else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  return { notice, saving, ensure, agree, decline: () => settle(false) }
}

export type ConsentGate = ReturnType<typeof useConsentGate>
