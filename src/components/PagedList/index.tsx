import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ListPhase } from '../../hooks/usePagedList'
import LoadMore from '../LoadMore'
import './index.css'

interface Props {
  phase: ListPhase
  error: string
  /** Whether the loaded list is empty (the list itself is the children). */
  empty: boolean
  next: string | null
  loadingMore: boolean
  onRetry: () => void
  /** The failure's own `retryable` (a lost network, a busy server); false hides 重试 where sending again cannot help. */
  retryable?: boolean
  onMore: () => void
  /** Shown instead of the list when it is empty: usually EmptyState (what is missing and what to do next). */
  emptyView: ReactNode
  /** Element ids the pages' tests find: `${ids}-error`, `${ids}-empty`, `${ids}-list` unless given apart. */
  ids: { error: string; empty: string; list: string; more: string }
  /** False leaves out 加载更多 / 没有更多了 (the list shows other rows above an empty page). */
  foot?: boolean
  children: ReactNode
}

/**
 * A list loaded page by page (hooks/usePagedList): loading, an error with 重试 before anything was shown,
 * the empty state, the rows, and 加载更多 / 没有更多了 at the bottom.
 */
export default function PagedList({ phase, error, empty, next, loadingMore, onRetry, retryable = true, onMore, emptyView, ids, foot = true, children }: Props) {
  if (phase === 'loading') return <View className='jf-center'>正在加载…</View>
  if (phase === 'error')
    return (
      <View className='jf-center' id={ids.error}>
        <Text>{error}</Text>
        {retryable && (
          <View className='jf-list-retry'>
            <Button size='small' onClick={onRetry}>
              重试
            </Button>
          </View>
        )}
      </View>
    )
  if (empty)
    return (
      <View className='jf-list-empty' id={ids.empty}>
        {emptyView}
      </View>
    )
  return (
    <>
      <View id={ids.list}>{children}</View>
      {foot && <LoadMore id={ids.more} next={next} loading={loadingMore} onMore={onMore} />}
    </>
  )
}
