import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../api'
import type { RegistrationView } from '../../../contracts/rental'

type Load = { phase: 'loading' } | { phase: 'ready'; items: RegistrationView[] } | { phase: 'error'; message: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** The tenant's registrations, read again each time the page shows; a changed one replaces its row. */
export function useRentalMine() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })

  const refresh = useCallback(async () => {
    const r = await api.call('rental.mine', {})
    if (r.ok) setLoad({ phase: 'ready', items: r.registrations })
    else setLoad((s) => (s.phase === 'ready' ? (toast(r.message), s) : { phase: 'error', message: r.message }))
  }, [])

  // Statuses change when the building manager confirms: read them every time the page shows.
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  const replace = (reg: RegistrationView) =>
    setLoad((s) => (s.phase === 'ready' ? { phase: 'ready', items: s.items.map((x) => (x.id === reg.id ? reg : x)) } : s))

  return { load, refresh, replace }
}
