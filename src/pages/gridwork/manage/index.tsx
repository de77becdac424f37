import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import GridWorkBoardEditor from '../../../components/GridWorkBoardEditor'
import { dispatcherStreet, workerGrids } from '../../../utils/gridwork/roles'
import GridWorkQr from '../../../components/GridWorkQr'
import type { AnnouncementView, BoardView, MemberView } from '../../../contracts/api'
import { formatInstant } from '../../../core/time'
import { useSession } from '../../../hooks/useSession'
import '../../../components/GridWorkKit/kit.css'
import '../../../components/TabStrip/tabs.css'
import './index.css'

type Tab = 'board' | 'requests' | 'members' | 'notices'
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'board', label: '公示牌' },
  { key: 'requests', label: '入群申请' },
  { key: 'members', label: '成员' },
  { key: 'notices', label: '公告' },
]

type Loaded<T> = { phase: 'loading' } | { phase: 'ready'; items: T[] } | { phase: 'error'; message: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })
export const PUBLISH_URL = '/pages/gridwork/publish/index'
export const RECEIPTS_URL = '/pages/gridwork/receipts/index'
export const OVERVIEW_URL = '/pages/gridwork/overview/index'

/** 网格服务群 for the grid's workers (and the street): the public board, the group QR, join requests, members, announcements. */
export default function GridManage() {
  const { params } = useRouter()
  const { state: session } = useSession()
  const me = session.status === 'ready' ? session.me : null
  const code = (params.code ? decodeURIComponent(params.code) : '') || (me ? workerGrids(me)[0]?.code ?? '' : '')
  const street = me ? dispatcherStreet(me) : null

  const [board, setBoard] = useState<BoardView | null>(null)
  const [boardError, setBoardError] = useState('')
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
    } else setBoardError(r.message)
    return r.ok
  }, [code])

  const loadMembers = useCallback(
    async (status: 'requested' | 'joined') => {
      const set = status === 'requested' ? setRequests : setMembers
      const r = await api.call('grid.members', { code, status })
      set(r.ok ? { phase: 'ready', items: r.members } : { phase: 'error', message: r.message })
    },
    [code],
  )

  const loadNotices = useCallback(async () => {
    const r = await api.call('grid.published', {})
    setNotices(r.ok ? { phase: 'ready', items: r.items } : { phase: 'error', message: r.message })
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

  if (session.status === 'loading') return <View className='jf-page jf-center'>正在加载…</View>
  if (session.status !== 'ready')
    return (
      <View className='jf-page jf-center' id='jf-gw-manage-error'>
        <Text>{session.status === 'error' ? session.message : '请先登录'}</Text>
      </View>
    )
  if (!code)
    return (
      <View className='jf-page jf-center' id='jf-gw-manage-error'>
        <Text>{street ? '请从网格服务群总览中选择要管理的网格' : '只有网格员和街道综治中心可以管理网格服务群'}</Text>
        {street && (
          <View className='jf-gw-retry'>
            <Button size='small' type='primary' fill='outline' onClick={() => void Taro.redirectTo({ url: OVERVIEW_URL })}>
              打开网格总览
            </Button>
          </View>
        )}
      </View>
    )
  if (!board)
    return (
      <View className='jf-page jf-center' id={boardError ? 'jf-gw-manage-error' : undefined}>
        <Text>{boardError || '正在加载网格信息…'}</Text>
        {boardError && (
          <View className='jf-gw-retry'>
            <Button size='small' onClick={() => void loadBoard()}>
              重试
            </Button>
          </View>
        )}
      </View>
    )
  if (!board.canManage)
    return (
      <View className='jf-page jf-center' id='jf-gw-manage-error'>
        <Text>您不是{board.grid.name}的网格工作人员，无法管理该网格服务群</Text>
      </View>
    )

  const pending = requests.phase === 'ready' ? requests.items.length : 0

  return (
    <View className='jf-page jf-gw-manage' id='jf-gw-manage' data-code={board.grid.code}>
      <View className='jf-gw-head'>
        <Text className='jf-gw-head-title' id='jf-gw-grid-name'>
          {board.grid.name}
        </Text>
        <Text className='jf-gw-head-sub'>
          {board.grid.path ? `${board.grid.path} · ` : ''}已入群 {board.members} 人 · {board.joinPolicy === 'open' ? '开放加入' : '需审核'}
        </Text>
      </View>

      <View className='jf-tabs jf-gw-tabs jf-gw-manage-tabs' id='jf-gw-tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`jf-gw-tab-${t.key}`} className={`jf-tab jf-gw-tab ${tab === t.key ? 'is-active' : ''}`} data-tab={t.key} onClick={() => pick(t.key)}>
            <Text>{t.label}</Text>
            {t.key === 'requests' && pending > 0 && (
              <Text className='jf-gw-badge' id='jf-gw-pending-count'>
                {pending > 99 ? '99+' : pending}
              </Text>
            )}
          </View>
        ))}
      </View>

      {tab === 'board' && (
        <>
          <GridWorkQr board={board} onChanged={setBoard} />
          <GridWorkBoardEditor key={board.grid.code} board={board} onSaved={setBoard} />
        </>
      )}

      {tab === 'requests' && (
        <ListState state={requests} empty='暂无待审核的入群申请' onRetry={() => void loadMembers('requested')}>
          {(items) => (
            <View className='jf-card' id='jf-gw-requests'>
              {items.map((m) => (
                <View key={m.userId} className='jf-gw-row jf-gw-request' data-user-id={m.userId}>
                  <View className='jf-gw-row-main'>
                    <Text className='jf-gw-row-title'>{m.name}</Text>
                    <Text className='jf-gw-row-sub'>
                      {m.building ? `${m.building} · ` : '未填写楼栋 · '}
                      {formatInstant(m.requestedAt)}申请
                    </Text>
                  </View>
                  <View className='jf-gw-row-actions'>
                    <Button className='jf-gw-refuse' size='small' fill='outline' disabled={deciding === m.userId} onClick={() => void decide(m, false)}>
                      拒绝
                    </Button>
                    <Button className='jf-gw-approve' size='small' type='primary' loading={deciding === m.userId} onClick={() => void decide(m, true)}>
                      同意
                    </Button>
                  </View>
                </View>
              ))}
            </View>
          )}
        </ListState>
      )}

      {tab === 'members' && (
        <ListState state={members} empty='还没有居民入群' onRetry={() => void loadMembers('joined')}>
          {(items) => (
            <View className='jf-card' id='jf-gw-members'>
              <Text className='jf-section-title'>已入群 {items.length} 人</Text>
              {items.map((m) => (
                <View key={m.userId} className='jf-gw-row jf-gw-member' data-user-id={m.userId}>
                  <Text className='jf-gw-row-title jf-gw-row-main'>{m.name}</Text>
                  <Text className='jf-muted'>{m.building || '未填写楼栋'}</Text>
                </View>
              ))}
            </View>
          )}
        </ListState>
      )}

      {tab === 'notices' && (
        <>
          <View className='jf-gw-submit-bar'>
            <Button id='jf-gw-go-publish' type='primary' block onClick={() => go(`${PUBLISH_URL}?code=${encodeURIComponent(board.grid.code)}`)}>
              发布公告
            </Button>
          </View>
          <ListState state={notices} empty='还没有发布过公告' onRetry={() => void loadNotices()}>
            {(items) => (
              <View className='jf-card' id='jf-gw-notices'>
                {items.map((a) => (
                  <View key={a.id} className='jf-gw-row jf-gw-notice' data-id={a.id} data-type={a.type}>
                    <View className='jf-gw-row-main'>
                      <View className='jf-gw-notice-title'>
                        <Text className='jf-gw-type-tag' data-type={a.type}>
                          {a.typeLabel}
                        </Text>
                        <Text className='jf-gw-row-title'>{a.title}</Text>
                      </View>
                      <Text className='jf-gw-row-sub'>
                        {a.scopeLabel} · {formatInstant(a.publishedAt)}
                      </Text>
                    </View>
                    <View className='jf-gw-row-actions'>
                      <Button className='jf-gw-open-receipts' size='small' fill='outline' type='primary' onClick={() => go(`${RECEIPTS_URL}?id=${encodeURIComponent(a.id)}`)}>
                        阅读回执
                      </Button>
                    </View>
                  </View>
                ))}
              </View>
            )}
          </ListState>
        </>
      )}
    </View>
  )
}

function ListState<T>({ state, empty, onRetry, children }: { state: Loaded<T>; empty: string; onRetry: () => void; children: (items: T[]) => JSX.Element }) {
  if (state.phase === 'loading') return <View className='jf-center'>正在加载…</View>
  if (state.phase === 'error')
    return (
      <View className='jf-center jf-gw-list-error'>
        <Text>{state.message}</Text>
        <View className='jf-gw-retry'>
          <Button size='small' onClick={onRetry}>
            重试
          </Button>
        </View>
      </View>
    )
  if (!state.items.length)
    return (
      <View className='jf-card jf-gw-empty jf-gw-list-empty'>
        <Text>{empty}</Text>
      </View>
    )
  return children(state.items)
}
