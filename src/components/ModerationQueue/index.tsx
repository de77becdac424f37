import { Text, View } from '@tarojs/components'
import EmptyState from '../EmptyState'
import PagedList from '../PagedList'
import ModerationItem from './ModerationItem'
import ModerationSheet from './ModerationSheet'
import { useModerationQueue } from './useModerationQueue'
import '../StaffActSheet/sheet.css'
import './index.css'

const IDS = { error: 'jf-moderation-error', empty: 'jf-moderation-empty', list: 'jf-moderation-list', more: 'jf-moderation-more' }

/**
 * 内容审核: what of residents' reports still waits for a decision, one card per report (see useModerationQueue).
 * `openFrom`: the desk list it sits on, so 查看事项 opens the case in that desk's frame (StaffConsoleHeader).
 */
export default function ModerationQueue({ openFrom }: { openFrom?: string } = {}) {
  const m = useModerationQueue()
  const { items } = m.list
  const { busy } = m
  return (
    <View className='jf-moderation' id='jf-moderation' data-count={items.length}>
      <View className='jf-mod-intro'>
        <Text>居民上报的描述和照片默认不公开。审核后公开的内容，附近居民和关注者可以看到；隐藏或编辑会通知上报人并记入办理过程。</Text>
      </View>
      <PagedList
        phase={m.list.phase}
        error={m.list.error}
        empty={!items.length}
        next={m.list.next}
        loadingMore={m.list.loadingMore}
        onRetry={() => void m.list.refresh()}
        retryable={m.list.retryable}
        onMore={() => void m.list.loadMore()}
        emptyView={<EmptyState icon='shieldCheck' title='暂无待审核内容' description='新上报的描述和照片会出现在这里' />}
        ids={IDS}
      >
        {items.map((item) => (
          <ModerationItem
            key={item.case.id}
            item={item}
            busy={busy?.id === item.case.id ? busy.key : busy ? 'other' : ''}
            onDescription={m.onDescription}
            onPhoto={m.onPhoto}
            onReport={m.onReport}
            openFrom={openFrom}
          />
        ))}
      </PagedList>
      <ModerationSheet task={m.task} onClose={m.closeSheet} onSubmit={m.send} />
    </View>
  )
}
