import { Button, Empty } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { InboxItemView } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import { usePagedList } from '../../hooks/usePagedList'
import LoadMore from '../../components/LoadMore'
import { appendPage, markLocal } from './logic'
import './index.css'

const PAGE = 20

export default function Inbox() {
  const [unread, setUnread] = useState(0)
  const [readingAll, setReadingAll] = useState(false)
  // Back from a case: new messages may have arrived meanwhile.
  const { items, setItems, next, phase, error, loadingMore, refresh, loadMore } = usePagedList<InboxItemView>(
    (before) =>
      api.call('inbox.list', before ? { before, limit: PAGE } : { limit: PAGE }).then((r) => {
        if (r.ok) setUnread(r.unread)
        return r
      }),
    { merge: appendPage },
  )

  const open = async (item: InboxItemView) => {
    if (!item.read) {
      setItems((list) => markLocal(list, [item.id]))
      setUnread((n) => Math.max(n - 1, 0))
      const r = await api.call('inbox.markRead', { ids: [item.id] })
      if (r.ok) setUnread(r.unread)
    }
    if (item.caseId) void Taro.navigateTo({ url: `/pages/report/detail/index?id=${encodeURIComponent(item.caseId)}` })
  }

  const readAll = async () => {
    if (readingAll || unread === 0) return
    setReadingAll(true)
    const r = await api.call('inbox.markRead', { all: true })
    setReadingAll(false)
    if (r.ok) {
      setItems((list) => markLocal(list, 'all'))
      setUnread(r.unread)
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  if (phase === 'loading') return <View className='jf-page jf-center'>正在加载…</View>

  if (phase === 'error')
    return (
      <View className='jf-page jf-center' id='jf-inbox-error'>
        <Text>{error}</Text>
        <View className='jf-inbox-retry'>
          <Button size='small' onClick={() => void refresh()}>
            重试
          </Button>
        </View>
      </View>
    )

  if (!items.length)
    return (
      <View className='jf-page jf-inbox-empty' id='jf-inbox-empty'>
        <Empty title='暂无消息' description='您上报或关注的事项有进展时，会在这里通知您' />
      </View>
    )

  return (
    <View className='jf-page jf-inbox'>
      <View className='jf-inbox-bar'>
        <Text className='jf-inbox-count' id='jf-inbox-unread' data-unread={unread}>
          {unread > 0 ? `${unread} 条未读` : '全部已读'}
        </Text>
        <Button id='jf-inbox-read-all' size='small' fill='none' disabled={unread === 0} loading={readingAll} onClick={() => void readAll()}>
          全部已读
        </Button>
      </View>
      <View className='jf-card jf-inbox-list' id='jf-inbox-list'>
        {items.map((m) => (
          <View
            key={m.id}
            className={`jf-inbox-item ${m.read ? '' : 'is-unread'}`}
            data-id={m.id}
            data-read={m.read ? '1' : '0'}
            data-case-id={m.caseId ?? ''}
            onClick={() => void open(m)}
          >
            <View className='jf-inbox-dot-col'>{!m.read && <View className='jf-inbox-dot' />}</View>
            <View className='jf-inbox-main'>
              <View className='jf-inbox-head'>
                <Text className='jf-inbox-title'>{m.title}</Text>
                <Text className='jf-inbox-time'>{formatInstant(m.createdAt)}</Text>
              </View>
              <Text className='jf-inbox-body'>{m.body}</Text>
            </View>
            <Text className='jf-inbox-arrow'>{m.caseId ? '›' : ''}</Text>
          </View>
        ))}
      </View>
      <LoadMore id='jf-inbox-more' next={next} loading={loadingMore} onMore={() => void loadMore()} />
    </View>
  )
}
