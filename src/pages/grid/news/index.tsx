import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import EmptyState from '../../../components/EmptyState'
import GridAnnouncement from '../../../components/GridAnnouncement'
import LoadMore from '../../../components/LoadMore'
import LoadState from '../../../components/LoadState'
import { FIND_URL } from '../../../utils/grid/links'
import { useGridNews } from './useGridNews'
import './index.css'

/**
 * 网格公告 of the grids I joined: unread emergencies pinned on top under a red 紧急 banner, then the
 * rest newest first. Opening one marks it read (the street sees the receipt).
 */
export default function GridNews() {
  const { list, next, phase, error, openId, loadingMore, refresh, loadMore, toggle } = useGridNews()

  if (phase === 'loading' || phase === 'error') return <LoadState error={phase === 'error' ? error : ''} errorId='jf-ann-error' onRetry={() => void refresh()} />

  if (!list.pinned.length && !list.items.length)
    return (
      <View className='jf-page jf-gnews-empty' id='jf-ann-empty'>
        <EmptyState
          icon='megaphone'
          title='暂无公告'
          description='加入所在网格的服务群后，网格员发布的通知、活动和紧急提醒会显示在这里'
          action={{ id: 'jf-ann-find', text: '找我的网格', onClick: () => void Taro.navigateTo({ url: FIND_URL }) }}
        />
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
