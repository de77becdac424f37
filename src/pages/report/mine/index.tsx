import { Text, View } from '@tarojs/components'
import EmptyState from '../../../components/EmptyState'
import PagedList from '../../../components/PagedList'
import QueueRow from '../../../components/QueueRow'
import StatusTag from '../../../components/StatusTag'
import WaitingHint from '../../../components/WaitingHint'
import { formatInstant } from '../../../core/time'
import OutboxRows from './OutboxRows'
import { useMyCases } from './useMyCases'
import './index.css'

const IDS = { error: 'jf-cases-error', empty: 'jf-cases-empty', list: 'jf-case-list', more: 'jf-load-more' }

export default function MyCases() {
  const m = useMyCases()
  const empty = (
    <EmptyState icon='list' title='还没有事项' description='发现身边的问题，随手上报给网格员' action={{ id: 'jf-empty-report', text: '上报问题', onClick: m.report }} />
  )

  // The 待发送 rows stay on top whatever the list is doing: offline is exactly when they matter.
  return (
    <View className='jf-page jf-mine'>
      <OutboxRows items={m.pending} />
      {m.pending.length > 0 && m.items.length > 0 && <Text className='jf-mine-section'>已上报</Text>}
      <PagedList
        phase={m.phase}
        error={m.error}
        empty={!m.items.length && !m.pending.length}
        next={m.next}
        loadingMore={m.loadingMore}
        onRetry={() => void m.refresh()}
        retryable={m.retryable}
        onMore={() => void m.loadMore()}
        emptyView={empty}
        ids={IDS}
        foot={m.items.length > 0}
      >
        {m.items.map((c) => (
          <QueueRow
            key={c.id}
            className='jf-case-row'
            prefix='jf-case-row'
            data={{ 'data-case-id': c.id, 'data-status': c.status }}
            kind={c.categoryName}
            tag={<StatusTag status={c.status} label={c.statusLabel} />}
            title={c.title}
            number={c.number}
            hint={<WaitingHint kind='report' status={c.status} className='jf-case-row-waiting' />}
            meta={<Text className='jf-muted'>{c.gridName}</Text>}
            aside={<Text className='jf-muted'>{formatInstant(c.createdAt)}</Text>}
            onClick={() => m.open(c.id)}
          />
        ))}
      </PagedList>
    </View>
  )
}
