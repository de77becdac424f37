import { Button, Empty } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import StaffQueueRow from '../../../components/StaffQueueRow'
import { QUEUE_TABS, type QueueTab } from '../../../components/StaffKit/logic'
import { useQueue } from '../../../hooks/useQueue'
import { useSession } from '../../../hooks/useSession'
import { STAFF_MODERATION_URL } from '../../home/entries'
import '../../../components/TabStrip/tabs.css'
import './index.css'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** A handler's queue, most urgent deadline first; the server decides whose cases these are. */
export default function StaffQueue() {
  const [tab, setTab] = useState<QueueTab['key']>('submitted')
  const q = useQueue(20)
  const { state: session } = useSession()
  // Grid workers and the street decide what of residents' reports the public sees.
  const moderates = session.status === 'ready' && session.me.roles.some((r) => r.role === 'grid_worker' || r.role === 'dispatcher')
  const firstShow = useRef(true)
  // Taro may keep page-event callbacks from an earlier render; they read the tab from here.
  const tabRef = useRef(tab)
  tabRef.current = tab

  const filterOf = (key: QueueTab['key']) => {
    const t = QUEUE_TABS.find((x) => x.key === key)
    return t?.statuses ? { statuses: t.statuses } : {}
  }

  // Coming back from a case the handler just acted on: reload quietly so the list stays in place.
  useDidShow(() => {
    const quiet = !firstShow.current
    firstShow.current = false
    void q.load(filterOf(tabRef.current), quiet).then((r) => r.ok || !quiet || toast(r.message ?? '刷新失败'))
  })

  usePullDownRefresh(() => {
    void q
      .load(filterOf(tabRef.current), true)
      .then((r) => r.ok || toast(r.message ?? '刷新失败'))
      .finally(() => Taro.stopPullDownRefresh())
  })

  const more = () => void q.loadMore().then((r) => r.ok || toast(r.message ?? '加载失败'))
  useReachBottom(more)

  const pick = (key: QueueTab['key']) => {
    if (key === tab) return
    setTab(key)
    void q.load(filterOf(key))
  }

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/report-staff/case/index?id=${encodeURIComponent(id)}` })

  return (
    <View className='jf-page jf-staff-queue'>
      {moderates && (
        <View className='jf-queue-moderation' id='jf-queue-moderation' onClick={() => void Taro.navigateTo({ url: STAFF_MODERATION_URL })}>
          <Text className='jf-queue-moderation-title'>内容审核</Text>
          <Text className='jf-muted jf-queue-moderation-hint'>居民上报的描述和照片，审核后才对其他居民公开 ›</Text>
        </View>
      )}
      <View className='jf-tabs jf-queue-tabs' id='jf-queue-tabs'>
        {QUEUE_TABS.map((t) => (
          <View
            key={t.key}
            id={`jf-queue-tab-${t.key}`}
            className={`jf-tab jf-queue-tab ${tab === t.key ? 'is-active' : ''}`}
            data-tab={t.key}
            onClick={() => pick(t.key)}
          >
            <Text>{t.label}</Text>
            {tab === t.key && q.phase === 'ready' && <Text className='jf-tab-count jf-queue-tab-count'>{q.total}</Text>}
          </View>
        ))}
      </View>

      {(q.phase === 'loading' || q.phase === 'idle') && <View className='jf-center'>正在加载…</View>}

      {q.phase === 'error' && (
        <View className='jf-center' id='jf-queue-error'>
          <Text>{q.error}</Text>
          <View className='jf-queue-retry'>
            <Button size='small' onClick={() => void q.load(filterOf(tab))}>
              重试
            </Button>
          </View>
        </View>
      )}

      {q.phase === 'ready' && !q.cases.length && (
        <View className='jf-queue-empty' id='jf-queue-empty'>
          <Empty title={tab === 'submitted' ? '暂无待受理事项' : '暂无事项'} description='新的事项会按办理时限排在这里' />
        </View>
      )}

      {q.phase === 'ready' && q.cases.length > 0 && (
        <>
          <View id='jf-queue-list'>
            {q.cases.map((c) => (
              <StaffQueueRow key={c.id} c={c} onOpen={open} />
            ))}
          </View>
          <View className='jf-queue-more'>
            {q.next ? (
              <Button id='jf-queue-more' size='small' fill='none' loading={q.loadingMore} onClick={more}>
                加载更多
              </Button>
            ) : (
              <Text className='jf-muted'>没有更多了</Text>
            )}
          </View>
        </>
      )}
    </View>
  )
}
