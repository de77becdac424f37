import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../../api'
import type { BuildingView } from '../../../../contracts/rental'

type Load = { phase: 'loading' } | { phase: 'ready'; items: BuildingView[] } | { phase: 'error'; message: string; retryable: boolean }

/** The manager's buildings, read again on each show, and the form to register one more. */
export function useBuildingList() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [registering, setRegistering] = useState(false)

  const refresh = useCallback(async () => {
    const r = await api.call('rental.myBuildings', {})
    if (r.ok) setLoad({ phase: 'ready', items: r.buildings })
    else setLoad((s) => (s.phase === 'ready' ? (void Taro.showToast({ title: r.message, icon: 'none' }), s) : { phase: 'error', message: r.message, retryable: r.retryable === true }))
  }, [])

  // Counts change with every confirmation on the detail page: reload on each show.
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  const registered = (b: BuildingView) => {
    setRegistering(false)
    setLoad((s) => (s.phase === 'ready' ? { phase: 'ready', items: [b, ...s.items.filter((x) => x.id !== b.id)] } : { phase: 'ready', items: [b] }))
    void Taro.showToast({ title: '楼栋已登记', icon: 'success' })
  }

  return { load, registering, setRegistering, refresh, registered }
}
