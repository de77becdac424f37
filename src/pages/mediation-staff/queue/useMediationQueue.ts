import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import type { MediationSummary } from '../../../contracts/api'
import { queueTotalText } from '../../../core/queueTotal'
import type { ListPhase } from '../../../hooks/usePagedList'
import { useSession } from '../../../hooks/useSession'
import { queueTabsFor, type MedQueueTab } from '../../../utils/mediation/queue'

const PAGE = 20

export type Query = { tab: MedQueueTab['key']; mine: boolean }

/**
 * The mediation queue's state: who is signed in decides the tabs, a tab or the 仅看我承办的 switch reloads
 * the first page (a late answer to an earlier query is dropped), coming back reloads quietly.
 */
export function useMediationQueue() {
  const { state: session } = useSession()
  const roles = session.status === 'ready' ? session.me.roles.map((r) => r.role) : []
  const isDispatcher = roles.includes('dispatcher')
  const isMediator = roles.includes('mediator')
  const tabs = queueTabsFor(isDispatcher)
  const [query, setQuery] = useState<Query | null>(null)
  const [cases, setCases] = useState<MediationSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [total, setTotal] = useState(0)
  /** Above 10,000 the server stops counting: the tab shows 「1万+」. */
  const [capped, setCapped] = useState(false)
  const [phase, setPhase] = useState<ListPhase>('loading')
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const seq = useRef(0)
  // Page events may hold an older render's closures: they read the current query from here.
  const queryRef = useRef<Query | null>(null)
  queryRef.current = query
  const shown = useRef(false)

  const inputOf = (q: Query) => {
    const t = tabs.find((x) => x.key === q.tab) ?? tabs[0]!
    return { statuses: t.statuses, ...(q.mine ? { mine: true } : {}) }
  }

  const load = async (q: Query, quiet = false) => {
    const mine = ++seq.current
    if (!quiet) setPhase('loading')
    const r = await api.call('mediation.queue', { ...inputOf(q), limit: PAGE })
    if (mine !== seq.current) return
    if (r.ok) {
      setCases(r.cases)
      setNext(r.next)
      setTotal(r.total)
      setCapped(r.totalCapped === true)
      setPhase('ready')
    } else if (quiet && shown.current) void Taro.showToast({ title: r.message, icon: 'none' })
    else {
      setError(r.message)
      setPhase('error')
    }
    if (r.ok) shown.current = true
  }

  // The first tab depends on who is signed in: the centre starts with new applications.
  useEffect(() => {
    if (session.status !== 'ready' || query) return
    const q: Query = { tab: isDispatcher ? 'applied' : 'open', mine: false }
    setQuery(q)
    void load(q)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.status])

  useDidShow(() => {
    // Back from a case the user just acted on: reload quietly so the list stays in place.
    if (queryRef.current && shown.current) void load(queryRef.current, true)
  })

  usePullDownRefresh(() => {
    const q = queryRef.current
    if (!q) return void Taro.stopPullDownRefresh()
    void load(q, true).finally(() => Taro.stopPullDownRefresh())
  })

  const loadMore = async () => {
    const q = queryRef.current
    if (!q || !next || loadingMore) return
    setLoadingMore(true)
    const mine = seq.current
    const r = await api.call('mediation.queue', { ...inputOf(q), before: next, limit: PAGE })
    setLoadingMore(false)
    if (mine !== seq.current) return
    if (r.ok) {
      setCases((list) => [...list, ...r.cases.filter((c) => !list.some((x) => x.id === c.id))])
      setNext(r.next)
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }
  useReachBottom(() => void loadMore())

  const change = (q: Query) => {
    setQuery(q)
    void load(q)
  }

  const list = {
    items: cases,
    phase,
    error,
    next,
    loadingMore,
    refresh: () => void (queryRef.current && load(queryRef.current)),
    loadMore: () => void loadMore(),
  }
  return { session, isDispatcher, isMediator, tabs, query, total, totalText: queueTotalText(total, capped), list, change }
}
