import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { QUEUE_TABS, type QueueTab } from '../../../components/StaffKit/logic'
import type { QueueFilter } from '../../../contracts/api'
import { shanghaiYear } from '../../../core/time'
import { useQueue } from '../../../hooks/useQueue'
import { useSession } from '../../../hooks/useSession'
import { parseNumberQuery, streetShortOf } from './numberSearch'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

const filterOf = (key: QueueTab['key']) => {
  const t = QUEUE_TABS.find((x) => x.key === key)
  return t?.statuses ? { statuses: t.statuses } : {}
}

/**
 * A handler's queue by tab, reloaded quietly on return from a case; whether they also moderate.
 * The 编号 search looks one case up by its number across every status (the same `number` filter as
 * the desk console; the server keeps it within the caller's scope); picking a tab leaves the search.
 */
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
  // The number being looked up (京溪-2026-00042), or null for the tab's list.
  const [searched, setSearched] = useState<string | null>(null)
  const searchedRef = useRef(searched)
  searchedRef.current = searched
  const [searchError, setSearchError] = useState('')
  // The worker's street as their cases' numbers print it, for a bare 42: learnt from the lists they see.
  const shortRef = useRef<string | undefined>(undefined)
  const seen = streetShortOf(q.cases.map((c) => c.number))
  if (seen && !searched) shortRef.current = seen
  const current = (): QueueFilter => (searchedRef.current ? { number: searchedRef.current } : filterOf(tabRef.current))

  // Coming back from a case the handler just acted on: reload quietly so the list stays in place.
  useDidShow(() => {
    const quiet = !firstShow.current
    firstShow.current = false
    void q.load(current(), quiet).then((r) => r.ok || !quiet || toast(r.message ?? '刷新失败'))
  })

  usePullDownRefresh(() => {
    void q
      .load(current(), true)
      .then((r) => r.ok || toast(r.message ?? '刷新失败'))
      .finally(() => Taro.stopPullDownRefresh())
  })

  const more = () => void q.loadMore().then((r) => r.ok || toast(r.message ?? '加载失败'))
  useReachBottom(more)

  const pick = (key: QueueTab['key']) => {
    if (key === tab && !searched) return
    setTab(key)
    setSearched(null)
    setSearchError('')
    void q.load(filterOf(key))
  }

  /** Look up what was typed; an empty box goes back to the tab's list. */
  const search = (raw: string) => {
    const r = parseNumberQuery(raw, { short: shortRef.current, year: shanghaiYear(Date.now()) })
    if (r.kind === 'bad') return setSearchError(r.message)
    setSearchError('')
    const next = r.kind === 'number' ? r.number : null
    setSearched(next)
    void q.load(next ? { number: next } : filterOf(tab))
  }

  const clearSearch = () => {
    setSearchError('')
    if (searched === null) return
    setSearched(null)
    void q.load(filterOf(tab))
  }

  return { q, tab, pick, more, retry: () => void q.load(current()), moderates, searched, searchError, search, clearSearch }
}
