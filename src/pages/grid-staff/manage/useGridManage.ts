import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { dispatcherStreet, workerGrids } from '../../../utils/gridwork/roles'
import type { AnnouncementView, BoardView, MemberView } from '../../../contracts/api'
import { useSession } from '../../../hooks/useSession'

export type Tab = 'board' | 'requests' | 'members' | 'notices'

export type Loaded<T> = { phase: 'loading' } | { phase: 'ready'; items: T[] } | { phase: 'error'; message: string; retryable: boolean }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** A grid worker's management page: the board, the tab shown and each tab's list, and deciding join requests. */
export function useGridManage() {
  const { params } = useRouter()
  const { state: session } = useSession()
  const me = session.status === 'ready' ? session.me : null
  const code = (params.code ? decodeURIComponent(params.code) : '') || (me ? workerGrids(me)[0]?.code ?? '' : '')
  const street = me ? dispatcherStreet(me) : null

  const [board, setBoard] = useState<BoardView | null>(null)
  const [boardError, setBoardError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [boardRetryable, setBoardRetryable] = useState(false)
  const [tab, setTab] = useState<Tab>('board')
  const [requests, setRequests] = useState<Loaded<MemberView>>({ phase: 'loading' })
  const [members, setMembers] = useState<Loaded<MemberView>>({ phase: 'loading' })
  const [notices, setNotices] = useState<Loaded<AnnouncementView>>({ phase: 'loading' })
  const [deciding, setDeciding] = useState<string | null>(null)
  const tabRef = useRef(tab)
  tabRef.current = tab
  const shown = useRef(false)

  const loadBoard = useCallback(async () => {
    const r = await api.call('grid.board', { code })
    if (r.ok) {
      setBoard(r.board)
      setBoardError('')
    } else {
      setBoardError(r.message)
      setBoardRetryable(r.retryable === true)
    }
    return r.ok
  }, [code])

  const loadMembers = useCallback(
    async (status: 'requested' | 'joined') => {
      const set = status === 'requested' ? setRequests : setMembers
      const r = await api.call('grid.members', { code, status })
      set(r.ok ? { phase: 'ready', items: r.members } : { phase: 'error', message: r.message, retryable: r.retryable === true })
    },
    [code],
  )

  const loadNotices = useCallback(async () => {
    const r = await api.call('grid.published', {})
    setNotices(r.ok ? { phase: 'ready', items: r.items } : { phase: 'error', message: r.message, retryable: r.retryable === true })
  }, [])

  const loadTab = useCallback(
    (t: Tab) => {
      if (t === 'requests') return loadMembers('requested')
      if (t === 'members') return loadMembers('joined')
      if (t === 'notices') return loadNotices()
      return Promise.resolve()
    },
    [loadMembers, loadNotices],
  )

  useEffect(() => {
    if (!code) return
    void loadBoard().then((ok) => {
      // The badge on 入群申请 is the reason to open this page: fetch it with the board.
      if (ok) void loadMembers('requested')
    })
  }, [code, loadBoard, loadMembers])

  // Back from publishing or from the receipts: the list of announcements may have changed.
  useDidShow(() => {
    if (shown.current && tabRef.current === 'notices') void loadNotices()
    shown.current = true
  })

  usePullDownRefresh(() => {
    void Promise.all([loadBoard(), loadTab(tabRef.current)]).finally(() => Taro.stopPullDownRefresh())
  })

  const pick = (t: Tab) => {
    if (t === tab) return
    setTab(t)
    void loadTab(t)
  }

  const decide = async (m: MemberView, approve: boolean) => {
    if (deciding) return
    if (!approve) {
      const c = await Taro.showModal({ title: '拒绝入群申请', content: `确定拒绝 ${m.name} 的入群申请吗？对方将看不到群二维码。`, confirmText: '拒绝' })
      if (!c.confirm) return
    }
    setDeciding(m.userId)
    const r = await api.call('grid.decide', { code, userId: m.userId, approve })
    setDeciding(null)
    if (!r.ok) return toast(r.message)
    setRequests((s) => (s.phase === 'ready' ? { phase: 'ready', items: s.items.filter((x) => x.userId !== m.userId) } : s))
    void Taro.showToast({ title: approve ? `已同意 ${m.name} 入群` : '已拒绝', icon: approve ? 'success' : 'none' })
    if (approve) {
      setBoard((b) => (b ? { ...b, members: b.members + 1 } : b))
      if (members.phase !== 'loading') void loadMembers('joined')
    }
  }

  const go = (url: string) => void Taro.navigateTo({ url })
  return { session, code, street, board, setBoard, boardError, boardRetryable, tab, requests, members, notices, deciding, loadBoard, loadMembers, loadNotices, pick, decide, go }
}

export type GridManageState = ReturnType<typeof useGridManage>
