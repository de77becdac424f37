import { useCallback, useRef, useState } from 'react'
import { api } from '../api'
import type { QueueFilter, StaffCaseSummary } from '../contracts/api'
import { queueTotalText } from '../core/queueTotal'

export type QueuePhase = 'idle' | 'loading' | 'ready' | 'error'

/**
 * One page at a time of `cases.queue` for a filter. The server decides the scope (a grid worker's
 * grids, a dispatcher's street, a department's cases) and the SLA order; this only pages through it.
 * A newer load wins: answers to an older filter that arrive late are dropped.
 */
export function useQueue(pageSize = 20) {
  const [cases, setCases] = useState<StaffCaseSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [total, setTotal] = useState(0)
  /** Above 10,000 the server stops counting: the page shows 「1万+」. */
  const [capped, setCapped] = useState(false)
  const [phase, setPhase] = useState<QueuePhase>('idle')
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const seq = useRef(0)
  const filterRef = useRef<QueueFilter>({})
  const hasList = useRef(false)
  // Page events (reach bottom) may call an older loadMore; it reads the cursor from here.
  const nextRef = useRef<string | null>(null)
  const moreBusy = useRef(false)

  /** Load the first page for `filter`; `quiet` keeps the current list visible while it reloads. */
  const load = useCallback(
    async (filter: QueueFilter, quiet = false): Promise<{ ok: boolean; message?: string }> => {
      const mine = ++seq.current
      const sameFilter = JSON.stringify(filter) === JSON.stringify(filterRef.current)
      filterRef.current = filter
      if (!quiet || !hasList.current || !sameFilter) setPhase('loading')
      const r = await api.call('cases.queue', { ...filter, limit: pageSize })
      if (mine !== seq.current) return { ok: true }
      if (r.ok) {
        setCases(r.cases)
        setNext(r.next)
        nextRef.current = r.next
        setTotal(r.total)
        setCapped(r.totalCapped === true)
        setError('')
        setPhase('ready')
        hasList.current = true
        return { ok: true }
      }
      if (quiet && hasList.current && sameFilter) {
        setPhase('ready')
        return { ok: false, message: r.message }
      }
      setError(r.message)
      setRetryable(r.retryable === true)
      setPhase('error')
      hasList.current = false
      nextRef.current = null
      return { ok: false, message: r.message }
    },
    [pageSize],
  )

  const loadMore = useCallback(async (): Promise<{ ok: boolean; message?: string }> => {
    const before = nextRef.current
    if (!before || moreBusy.current) return { ok: true }
    const mine = seq.current
    moreBusy.current = true
    setLoadingMore(true)
    const r = await api.call('cases.queue', { ...filterRef.current, before, limit: pageSize })
    moreBusy.current = false
    setLoadingMore(false)
    if (mine !== seq.current) return { ok: true }
    if (!r.ok) return { ok: false, message: r.message }
    setCases((list) => [...list, ...r.cases.filter((c) => !list.some((x) => x.id === c.id))])
    setNext(r.next)
    nextRef.current = r.next
    setTotal(r.total)
    setCapped(r.totalCapped === true)
    return { ok: true }
  }, [pageSize])

  return { cases, next, total, totalText: queueTotalText(total, capped), phase, error, retryable, loadingMore, load, loadMore }
}
