import { Button, Empty } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import GridAnnouncement from '../../../components/GridAnnouncement'
import { markAnnRead, mergeAnnouncements, type AnnList } from '../../../utils/grid/announcements'
import { FIND_URL } from '../../../utils/grid/links'
import type { AnnouncementView } from '../../../contracts/api'
import LoadMore from '../../../components/LoadMore'
import './index.css'
import LoadState from '../../../components/LoadState'

const PAGE = 20
const EMPTY: AnnList = { pinned: [], items: [] }

type Phase = 'loading' | 'ready' | 'error'

const failText = (r: { code: string; message: string }) => (r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)

/**
 * 网格公告 of the grids I joined: unread emergencies pinned on top under a red 紧急 banner, then the
 * rest newest first. Opening one marks it read (the street sees the receipt).
 */
export default function GridNews() {
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

  useEffect(() => {
    void refresh()
  }, [refresh])

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

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

  if (phase === 'loading' || phase === 'error') return <LoadState error={phase === 'error' ? error : ''} errorId='jf-ann-error' onRetry={() => void refresh()} />

  if (!list.pinned.length && !list.items.length)
    return (
      <View className='jf-page jf-gnews-empty' id='jf-ann-empty'>
        <Empty title='暂无公告' description='加入所在网格的服务群后，网格员发布的通知、活动和紧急提醒会显示在这里' />
        <View className='jf-gnews-find'>
          <Button id='jf-ann-find' type='primary' onClick={() => void Taro.navigateTo({ url: FIND_URL })}>
            找我的网格
          </Button>
        </View>
      </View>
    )

  return (
    <View className='jf-page jf-gnews' id='jf-ann-list'>
      {list.pinned.map((a) => (
        <GridAnnouncement key={a.id} ann={a} pinned expanded={openId === a.id} onToggle={(x) => void toggle(x)} />
      ))}
      {list.items.length > 0 && (
        <View className='jf-card jf-gnews-items'>
          {list.items.map((a) => (
            <GridAnnouncement key={a.id} ann={a} expanded={openId === a.id} onToggle={(x) => void toggle(x)} />
          ))}
        </View>
      )}
      <LoadMore id='jf-ann-more' next={next} loading={loadingMore} onMore={() => void loadMore()} />
    </View>
  )
}
