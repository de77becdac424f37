import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'

/** One page of a cursor-paged list, as a page's fetch hands it over. */
export type PageOf<T> = { ok: true; items: T[]; next: string | null }
type Failure = { ok: false; message: string; retryable?: boolean }

export type ListPhase = 'loading' | 'ready' | 'error'

interface Options<T> {
  /** Adds a later page to the list shown; by default drops items already there (same id). */
  merge?: (list: T[], page: T[]) => T[]
}

function appendNew<T extends { id: string }>(list: T[], page: T[]): T[] {
  const seen = new Set(list.map((x) => x.id))
  return [...list, ...page.filter((x) => !seen.has(x.id))]
}

/**
 * A list loaded page by page: the first page each time the page shows and on pull-down, the next
 * one at the bottom. Before anything was shown a failure is the page's error state; afterwards
 * only a toast, so the list stays. `fetchPage(null)` asks for the first page.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (before: string | null) => Promise<PageOf<T> | Failure>,
  { merge = appendNew }: Options<T> = {},
) {
  const [items, setItems] = useState<T[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [phase, setPhase] = useState<ListPhase>('loading')
  const [error, setError] = useState('')
  /** Whether sending the same request again could help (a lost network, a busy server), so 重试 is offered. */
  const [retryable, setRetryable] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  // Read inside callbacks Taro may hold from an earlier render.
  const shown = useRef(false)
  const latest = useRef(fetchPage)
  latest.current = fetchPage

  const refresh = useCallback(async () => {
    const r = await latest.current(null)
    if (r.ok) {
      setItems(r.items)
      setNext(r.next)
      setPhase('ready')
      shown.current = true
    } else if (shown.current) void Taro.showToast({ title: r.message, icon: 'none' })
    else {
      setError(r.message)
      setRetryable(r.retryable === true)
      setPhase('error')
    }
  }, [])

  // Things change while the user is elsewhere (inside a case): reload every time the list shows.
  useDidShow(() => void refresh())

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const loadMore = async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    const r = await fetchPage(next)
    setLoadingMore(false)
    if (r.ok) {
      setItems((list) => merge(list, r.items))
      setNext(r.next)
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  useReachBottom(() => void loadMore())

  return { items, setItems, next, phase, error, retryable, loadingMore, refresh, loadMore }
}
