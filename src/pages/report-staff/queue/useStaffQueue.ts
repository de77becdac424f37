import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { QUEUE_TABS, type QueueTab } from '../../../components/StaffKit/logic'
import { useQueue } from '../../../hooks/useQueue'
import { useSession } from '../../../hooks/useSession'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

const filterOf = (key: QueueTab['key']) => {
  const t = QUEUE_TABS.find((x) => x.key === key)
  return t?.statuses ? { statuses: t.statuses } : {}
}

/** A handler's queue by tab, reloaded quietly on return from a case; whether they also moderate. */
export function useStaffQueue() {
  const [tab, setTab] = useState<QueueTab['key']>('submitted')
  const q = useQueue(20)
  const { state: session } = useSession()
  // Grid workers and the street decide what of residents' reports the public sees.
  const moderates = session.status === 'ready' && session.me.roles.some((r) => r.role === 'grid_worker' || r.role === 'dispatcher')
  const firstShow = useRef(true)
  // Taro may keep page-event callbacks from an earlier render; they read the tab from here.
  const tabRef = useRef(tab)
  tabRef.current = tab

  // Coming back from a case the handler just acted on: reload quietly so the list stays in place.
  useDidShow(() => {
    const quiet = !firstShow.current
    firstShow.current = false
    void q.load(filterOf(tabRef.current), quiet).then((r) => r.ok || !quiet || toast(r.message ?? '刷新失败'))
  })

  usePullDownRefresh(() => {
    void q
      .load(filterOf(tabRef.current), true)
      .then((r) => r.ok || toast(r.message ?? '刷新失败'))
      .finally(() => Taro.stopPullDownRefresh())
  })

  const more = () => void q.loadMore().then((r) => r.ok || toast(r.message ?? '加载失败'))
  useReachBottom(more)

  const pick = (key: QueueTab['key']) => {
    if (key === tab) return
    setTab(key)
    void q.load(filterOf(key))
  }

  return { q, tab, pick, more, retry: () => void q.load(filterOf(tab)), moderates }
}
