import Taro, { useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../../api'
import { useOpenAndPullRefresh } from '../../../hooks/useOpenAndPullRefresh'
import type { AnnouncementView } from '../../../contracts/api'
import { markAnnRead, mergeAnnouncements, type AnnList } from '../../../utils/grid/announcements'

const PAGE = 20
const EMPTY: AnnList = { pinned: [], items: [] }

type Phase = 'loading' | 'ready' | 'error'

const failText = (r: { code: string; message: string }) => r.message

/** The news page's state: my grids' announcements page by page, which one is open, and its read receipt. */
export function useGridNews() {
  const [list, setList] = useState<AnnList>(EMPTY)
  const [next, setNext] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('loading')
  const [error, setError] = useState('')
  const [openId, setOpenId] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const shown = useRef(false)

  const refresh = useCallback(async () => {
    const r = await api.call('grid.announcements', { limit: PAGE })
    if (r.ok) {
      setList(mergeAnnouncements(EMPTY, r))
      setNext(r.next)
      setPhase('ready')
      shown.current = true
    } else if (shown.current) void Taro.showToast({ title: failText(r), icon: 'none' })
    else {
      setError(failText(r))
      setPhase('error')
    }
  }, [])

  useOpenAndPullRefresh(refresh)

  const loadMore = async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    const r = await api.call('grid.announcements', { before: next, limit: PAGE })
    setLoadingMore(false)
    if (r.ok) {
      setList((l) => mergeAnnouncements(l, r))
      setNext(r.next)
    } else void Taro.showToast({ title: failText(r), icon: 'none' })
  }

  useReachBottom(() => void loadMore())

  const toggle = async (a: AnnouncementView) => {
    setOpenId((id) => (id === a.id ? null : a.id))
    if (a.read) return
    setList((l) => markAnnRead(l, a.id))
    const r = await api.call('grid.markRead', { id: a.id })
    // Without the receipt the street would remind this resident again: show it unread so it is retried.
    if (!r.ok) {
      setList((l) => markAnnRead(l, a.id, false))
      void Taro.showToast({ title: failText(r), icon: 'none' })
    }
  }

  return { list, next, phase, error, openId, loadingMore, refresh, loadMore, toggle }
}
