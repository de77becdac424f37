import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../api'
import type { ApiMap } from '../../../contracts/api'

type Listed = ApiMap['account.proxiedCases']['out']

/** The cases filed 代办 for my phone, reloaded whenever the page shows (the phone may have been set meanwhile). */
export function useClaim() {
  const [listed, setListed] = useState<Listed | null>(null)
  const [loadError, setLoadError] = useState('')
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    setLoadError('')
    const r = await api.call('account.proxiedCases', {})
    if (!r.ok) return setLoadError(r.message)
    setListed(r)
  }, [])

  useDidShow(() => void load())

  const claim = async (c: Listed['cases'][number]) => {
    if (busy) return
    const sure = await Taro.showModal({
      title: '认领代办事项',
      content: `认领后，${c.kindLabel}${c.number ? ` ${c.number}` : ''}的进展会通知您本人，您可以在「我的」里查看和办理。确认这是您本人的事项吗？`,
      confirmText: '确认认领',
    })
    if (!sure.confirm) return
    setBusy(c.id)
    const r = await api.call('account.claimProxied', { id: c.id })
    setBusy(null)
    if (!r.ok) {
      void Taro.showToast({ title: r.message, icon: 'none' })
      return void load()
    }
    void Taro.showToast({ title: '已认领', icon: 'success', duration: 1000 })
    setTimeout(() => void Taro.redirectTo({ url: r.claimed.page }), 700)
  }

  return { listed, loadError, busy, load, claim }
}
