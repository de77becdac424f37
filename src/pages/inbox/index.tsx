import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import EmptyState from '../../components/EmptyState'
import PagedList from '../../components/PagedList'
import TabBar from '../../components/TabBar'
import { useTabPage } from '../../hooks/useTabPage'
import { formatInstant } from '../../core/time'
import { useInbox } from './useInbox'
import { a11y } from '../../utils/a11y'
import './index.css'

const IDS = { error: 'jf-inbox-error', empty: 'jf-inbox-empty', list: 'jf-inbox-list', more: 'jf-inbox-more' }

export default function Inbox() {
  const x = useInbox()
  useTabPage(1)
  return (
    <View className='jf-page jf-tab-page jf-inbox'>
      {x.phase === 'ready' && x.items.length > 0 && (
        <View className='jf-inbox-bar'>
          <Text className='jf-inbox-count' id='jf-inbox-unread' data-unread={x.unread}>
            {x.unread > 0 ? `${x.unread} 条未读` : '全部已读'}
          </Text>
          <Button id='jf-inbox-read-all' size='small' fill='none' disabled={x.unread === 0} loading={x.readingAll} onClick={() => void x.readAll()}>
            全部已读
          </Button>
        </View>
      )}
      <PagedList
        phase={x.phase}
        error={x.error}
        empty={!x.items.length}
        next={x.next}
        loadingMore={x.loadingMore}
        onRetry={() => void x.refresh()}
        retryable={x.retryable}
        onMore={() => void x.loadMore()}
        emptyView={<EmptyState icon='bell' title='暂无消息' description='您上报或关注的事项有进展时，会在这里通知您' />}
        ids={IDS}
      >
        <View className='jf-card jf-inbox-list'>
          {x.items.map((m) => (
            <View
              key={m.id}
              className={`jf-inbox-item ${m.read ? '' : 'is-unread'}`}
              data-id={m.id}
              data-read={m.read ? '1' : '0'}
              data-case-id={m.caseId ?? ''}
              {...a11y('link')}
              onClick={() => void x.open(m)}
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
      </PagedList>
      {process.env.TARO_ENV === 'h5' && <TabBar current={1} />}
    </View>
  )
}
