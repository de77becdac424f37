import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { AnnouncementView } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import { percentText, shareText } from '../../utils/gridwork/receipts'
import ReceiptLists from './ReceiptLists'
import { useReceipts } from './useReceipts'
import { a11y } from '../../utils/a11y'
import '../GridWorkKit/kit.css'
import './index.css'
import GridWorkStats from '../GridWorkKit/Stats'
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
  const { receipts, error, retryable, reminding, reminded, tab, setTab, load, remind } = useReceipts(id, refreshKey)

  if (!receipts)
    return <LoadState className='jf-card jf-gw-empty' error={error} errorId='jf-gw-receipts-loading' loadingId='jf-gw-receipts-loading' loadingText='正在加载阅读回执…' onRetry={() => void load()} retryable={retryable} />

  const r = receipts
  const emergency = announcement?.type === 'emergency' || r.readWithin15m !== null

  return (
    <View className='jf-gw-receipts' id='jf-gw-receipts' data-id={r.announcementId}>
      <GridWorkStats
        className='jf-gw-rc-stats'
        stats={[
          { caption: '已读 / 应读', value: `${r.read}/${r.roster}`, id: 'jf-gw-read-count', data: { 'data-read': r.read, 'data-roster': r.roster } },
          { caption: '阅读率', value: percentText(r.read, r.roster), id: 'jf-gw-read-rate' },
          ...(emergency ? [{ caption: '15 分钟内阅读率', value: shareText(r.readWithin15m), id: 'jf-gw-read-15m', tone: 'emergency' as const }] : []),
        ]}
      />
      {error && (
        <View className='jf-gw-error'>
          <Text>{error}</Text>
        </View>
      )}

      <View className='jf-card'>
        <View className='jf-gw-rc-tabs' {...a11y('tablist')}>
          <View className={`jf-gw-rc-tab ${tab === 'unread' ? 'is-active' : ''}`} id='jf-gw-rc-tab-unread' data-tab='unread' {...a11y('tab', { selected: tab === 'unread' })} onClick={() => setTab('unread')}>
            <Text>未读 {r.unreadCount}</Text>
          </View>
          <View className={`jf-gw-rc-tab ${tab === 'read' ? 'is-active' : ''}`} id='jf-gw-rc-tab-read' data-tab='read' {...a11y('tab', { selected: tab === 'read' })} onClick={() => setTab('read')}>
            <Text>已读 {r.read}</Text>
          </View>
        </View>

        <ReceiptLists r={r} tab={tab} />
      </View>

      <View className='jf-gw-submit-bar'>
        <Button id='jf-gw-remind' type='primary' block disabled={!r.unreadCount} loading={reminding} onClick={() => void remind()}>
          {r.unreadCount ? `提醒未读（${r.unreadCount} 人）` : '没有未读的居民'}
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
