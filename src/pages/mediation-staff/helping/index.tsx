import { Text, View } from '@tarojs/components'
import { api } from '../../../api'
import EmptyState from '../../../components/EmptyState'
import { MediationList } from '../../../components/MediationRow'
import type { MediationSummary } from '../../../contracts/api'
import { usePagedList } from '../../../hooks/usePagedList'
import '../../../components/MediationKit/kit.css'
import './index.css'

const PAGE = 20

/**
 * 协助调解 (驻村法律顾问, 党员, 街坊): the mediation cases a mediator invited me into, newest first. Each
 * opens the case as its parties read it, with the thread to write in.
 */
export default function Helping() {
  // Cases move while the helper is inside one: reload every time the list shows.
  const list = usePagedList<MediationSummary>((before) =>
    api.call('mediation.helping', before ? { before, limit: PAGE } : { limit: PAGE }).then((r) => (r.ok ? { ...r, items: r.cases } : r)),
  )
  return (
    <View className='jf-page jf-medhp' id='jf-med-helping'>
      {list.phase === 'ready' && list.items.length > 0 && <Text className='jf-medhp-section'>邀请我协助的调解</Text>}
      <MediationList
        audience='party'
        list={{ ...list, refresh: () => void list.refresh(), loadMore: () => void list.loadMore() }}
        ids={{ error: 'jf-med-helping-error', empty: 'jf-med-helping-empty', list: 'jf-med-helping-list', more: 'jf-med-helping-more' }}
        emptyView={<EmptyState icon='scales' title='还没有邀请您协助的调解' description='调解员邀请您协助调解后，案件会出现在这里，您会在「消息」中收到通知' />}
      />
    </View>
  )
}
