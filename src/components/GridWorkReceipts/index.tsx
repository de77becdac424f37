import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { AnnouncementView, ReceiptView } from '../../contracts/api'
import { formatFull, formatInstant } from '../../core/time'
import { percentText, shareText, unreadByBuilding } from '../../utils/gridwork/receipts'
import '../GridWorkKit/kit.css'
import './index.css'
import LoadState from '../LoadState'

interface Props {
  id: string
  /** The announcement itself when the page knows it (from grid.published); the receipts stand alone otherwise. */
  announcement: AnnouncementView | null
  /** Bumped by the page (pull-down refresh) to read the receipts again. */
  refreshKey?: number
}

/** 阅读回执: who of the grids' members read the announcement, who has not (by building), and a reminder to them. */
export default function GridWorkReceipts({ id, announcement, refreshKey = 0 }: Props) {
  const [receipts, setReceipts] = useState<ReceiptView | null>(null)
  const [error, setError] = useState('')
  const [reminding, setReminding] = useState(false)
  const [reminded, setReminded] = useState<number | null>(null)
  const [tab, setTab] = useState<'unread' | 'read'>('unread')
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    const r = await api.call('grid.receipts', { id })
    if (mine !== seq.current) return
    if (r.ok) {
      setReceipts(r.receipts)
      setError('')
    } else setError(r.message)
  }, [id])

  useEffect(() => {
    void load()
  }, [load, refreshKey])

  const remind = async () => {
    if (reminding || !receipts?.unread.length) return
    const ok = await Taro.showModal({ title: '提醒未读', content: `将向 ${receipts.unread.length} 位未读的居民发送站内提醒，是否继续？`, confirmText: '发送' })
    if (!ok.confirm) return
    setReminding(true)
    const r = await api.call('grid.remindUnread', { id })
    setReminding(false)
    if (r.ok) {
      setReminded(r.reminded)
      void Taro.showToast({ title: `已提醒 ${r.reminded} 人`, icon: 'success' })
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  if (!receipts)
    return <LoadState className='jf-card jf-gw-empty' error={error} errorId='jf-gw-receipts-loading' loadingId='jf-gw-receipts-loading' loadingText='正在加载阅读回执…' onRetry={() => void load()} />

  const r = receipts
  const emergency = announcement?.type === 'emergency' || r.readWithin15m !== null
  const groups = unreadByBuilding(r.unread)
  const readers = [...r.readers].sort((a, b) => Date.parse(a.readAt) - Date.parse(b.readAt))

  return (
    <View className='jf-gw-receipts' id='jf-gw-receipts' data-id={r.announcementId}>
      <View className='jf-card jf-gw-rc-stats'>
        <View className='jf-gw-rc-stat'>
          <Text className='jf-gw-rc-num' id='jf-gw-read-count' data-read={r.read} data-roster={r.roster}>
            {r.read}/{r.roster}
          </Text>
          <Text className='jf-gw-rc-cap'>已读 / 应读</Text>
        </View>
        <View className='jf-gw-rc-stat'>
          <Text className='jf-gw-rc-num' id='jf-gw-read-rate'>
            {percentText(r.read, r.roster)}
          </Text>
          <Text className='jf-gw-rc-cap'>阅读率</Text>
        </View>
        {emergency && (
          <View className='jf-gw-rc-stat is-emergency'>
            <Text className='jf-gw-rc-num' id='jf-gw-read-15m'>
              {shareText(r.readWithin15m)}
            </Text>
            <Text className='jf-gw-rc-cap'>15 分钟内阅读率</Text>
          </View>
        )}
      </View>
      {error && (
        <View className='jf-gw-error'>
          <Text>{error}</Text>
        </View>
      )}

      <View className='jf-card'>
        <View className='jf-gw-rc-tabs'>
          <View className={`jf-gw-rc-tab ${tab === 'unread' ? 'is-active' : ''}`} id='jf-gw-rc-tab-unread' data-tab='unread' onClick={() => setTab('unread')}>
            <Text>未读 {r.unread.length}</Text>
          </View>
          <View className={`jf-gw-rc-tab ${tab === 'read' ? 'is-active' : ''}`} id='jf-gw-rc-tab-read' data-tab='read' onClick={() => setTab('read')}>
            <Text>已读 {r.readers.length}</Text>
          </View>
        </View>

        {tab === 'unread' &&
          (groups.length ? (
            <View id='jf-gw-unread-list'>
              {groups.map((g) => (
                <View key={g.building} className='jf-gw-rc-group' data-building={g.building}>
                  <Text className='jf-gw-rc-building'>
                    {g.building}（{g.people.length}）
                  </Text>
                  <View className='jf-gw-rc-names'>
                    {g.people.map((u) => (
                      <Text key={u.userId} className='jf-gw-unread' data-user-id={u.userId}>
                        {u.name}
                      </Text>
                    ))}
                  </View>
                </View>
              ))}
            </View>
          ) : (
            <View className='jf-gw-empty' id='jf-gw-unread-none'>
              <Text>{r.roster ? '全部成员都已阅读' : '目标网格暂无已入群的居民'}</Text>
            </View>
          ))}

        {tab === 'read' &&
          (readers.length ? (
            <View id='jf-gw-reader-list'>
              {readers.map((u) => (
                <View key={u.userId} className='jf-gw-row jf-gw-reader' data-user-id={u.userId}>
                  <Text className='jf-gw-row-title jf-gw-row-main'>{u.name}</Text>
                  <Text className='jf-muted'>{formatFull(u.readAt)}</Text>
                </View>
              ))}
            </View>
          ) : (
            <View className='jf-gw-empty'>
              <Text>还没有人阅读</Text>
            </View>
          ))}
      </View>

      <View className='jf-gw-submit-bar'>
        <Button id='jf-gw-remind' type='primary' block disabled={!r.unread.length} loading={reminding} onClick={() => void remind()}>
          {r.unread.length ? `提醒未读（${r.unread.length} 人）` : '没有未读的居民'}
        </Button>
        {reminded !== null && (
          <Text className='jf-gw-rc-reminded' id='jf-gw-reminded'>
            已于 {formatInstant(new Date().toISOString())} 提醒 {reminded} 人，提醒会出现在居民的消息中
          </Text>
        )}
      </View>
    </View>
  )
}
