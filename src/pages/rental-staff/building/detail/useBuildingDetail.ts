import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../../../api'
import type { BuildingView, CheckinStatus, RegistrationView } from '../../../../contracts/rental'

export type Tab = 'pending' | 'active' | 'ended'
export const TABS: Array<{ key: Tab; label: string; statuses: CheckinStatus[] }> = [
  { key: 'pending', label: '待确认', statuses: ['pending'] },
  { key: 'active', label: '在住', statuses: ['active'] },
  // Refusals and purged stays are kept here too, so nothing a manager once saw disappears.
  { key: 'ended', label: '已退租', statuses: ['checked_out', 'refused', 'purged'] },
]

type Load = { phase: 'loading' } | { phase: 'ready'; items: RegistrationView[] } | { phase: 'error'; message: string; retryable: boolean }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** The building page's state: the building, the tab's registrations, and confirming, refusing and checking out. */
export function useBuildingDetail() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [building, setBuilding] = useState<BuildingView | null>(null)
  const [buildingError, setBuildingError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [buildingRetryable, setBuildingRetryable] = useState(false)
  const [tab, setTab] = useState<Tab>('pending')
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [busy, setBusy] = useState<string | null>(null)
  const [refusing, setRefusing] = useState<RegistrationView | null>(null)
  const tabRef = useRef(tab)
  tabRef.current = tab

  const loadBuilding = useCallback(async () => {
    const r = await api.call('rental.myBuildings', {})
    setBuildingRetryable(!r.ok && r.retryable === true)
    if (!r.ok) return setBuildingError(r.message)
    const b = r.buildings.find((x) => x.id === id)
    setBuilding(b ?? null)
    setBuildingError(b ? '' : '没有找到该楼栋，或您不是它的楼栋长')
  }, [id])

  const loadTab = useCallback(
    async (t: Tab) => {
      setLoad({ phase: 'loading' })
      const statuses = TABS.find((x) => x.key === t)!.statuses
      const r = await api.call('rental.registrations', { buildingId: id, statuses })
      // A late answer for a tab the manager already left must not overwrite the one shown.
      if (tabRef.current !== t) return
      setLoad(r.ok ? { phase: 'ready', items: r.registrations } : { phase: 'error', message: r.message, retryable: r.retryable === true })
    },
    [id],
  )

  const refresh = useCallback(() => Promise.all([loadBuilding(), loadTab(tabRef.current)]), [loadBuilding, loadTab])
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  const pick = (t: Tab) => {
    if (t === tab) return
    setTab(t)
    tabRef.current = t
    void loadTab(t)
  }

  const drop = (regId: string) => setLoad((s) => (s.phase === 'ready' ? { phase: 'ready', items: s.items.filter((x) => x.id !== regId) } : s))

  const approve = async (reg: RegistrationView) => {
    if (busy) return
    setBusy(reg.id)
    const r = await api.call('rental.decide', { id: reg.id, version: reg.version, approve: true })
    setBusy(null)
    if (!r.ok) return toast(r.message)
    drop(reg.id)
    void loadBuilding()
    void Taro.showToast({ title: `已确认 ${reg.room}`, icon: 'success' })
  }

  const refuse = async (reason: string): Promise<string> => {
    const reg = refusing!
    const r = await api.call('rental.decide', { id: reg.id, version: reg.version, approve: false, reason })
    if (!r.ok) return r.details?.reason ?? r.message
    setRefusing(null)
    drop(reg.id)
    void loadBuilding()
    toast('已驳回')
    return ''
  }

  const checkOut = async (reg: RegistrationView) => {
    if (busy) return
    const m = await Taro.showModal({ title: '办理退租', content: `确认 ${reg.name ?? ''}（${reg.room}）已搬离吗？注销后将从在住名单中移除。`, confirmText: '确认退租' })
    if (!m.confirm) return
    setBusy(reg.id)
    const r = await api.call('rental.checkOut', { id: reg.id, version: reg.version, note: '楼栋长办理退租' })
    setBusy(null)
    if (!r.ok) return toast(r.message)
    drop(reg.id)
    void loadBuilding()
    void Taro.showToast({ title: '已办理退租', icon: 'success' })
  }

  return { building, buildingError, buildingRetryable, tab, load, busy, refusing, setRefusing, loadBuilding, loadTab, pick, approve, refuse, checkOut }
}

export type BuildingDetailState = ReturnType<typeof useBuildingDetail>
