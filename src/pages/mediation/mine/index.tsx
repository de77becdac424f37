import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import EmptyState from '../../../components/EmptyState'
import { MediationList } from '../../../components/MediationRow'
import type { MediationSummary } from '../../../contracts/api'
import { usePagedList } from '../../../hooks/usePagedList'
import { a11y } from '../../../utils/a11y'
import '../../../components/MediationKit/kit.css'
import './index.css'

const PAGE = 20
const APPLY_URL = '/pages/mediation/apply/index'
const JOIN_URL = '/pages/mediation/join/index'

const go = (url: string) => void Taro.navigateTo({ url })

/** Mediations where I am the applicant or a respondent, newest first. */
export default function MyMediations() {
  // Statuses move while the user is inside a case: reload every time the list shows.
  const list = usePagedList<MediationSummary>((before) =>
    api.call('mediation.mine', before ? { before, limit: PAGE } : { limit: PAGE }).then((r) => (r.ok ? { ...r, items: r.cases } : r)),
  )
  return (
    <View className='jf-page jf-medm' id='jf-med-mine'>
      <View className='jf-medm-entries'>
        <View className='jf-medm-entry jf-col is-primary' id='jf-med-apply-entry' {...a11y('link')} onClick={() => go(APPLY_URL)}>
          <Text className='jf-medm-entry-title'>申请调解</Text>
          <Text className='jf-medm-entry-text'>邻里、家庭、租赁等纠纷</Text>
        </View>
        <View className='jf-medm-entry jf-col' id='jf-med-join-entry' {...a11y('link')} onClick={() => go(JOIN_URL)}>
          <Text className='jf-medm-entry-title'>输入邀请码</Text>
          <Text className='jf-medm-entry-text'>收到对方的调解邀请</Text>
        </View>
      </View>
      {list.phase === 'ready' && list.items.length > 0 && <Text className='jf-medm-section'>我的调解</Text>}
      <MediationList
        audience='party'
        list={{ ...list, refresh: () => void list.refresh(), loadMore: () => void list.loadMore() }}
        ids={{ error: 'jf-med-mine-error', empty: 'jf-med-mine-empty', list: 'jf-med-list', more: 'jf-med-more' }}
        emptyView={
          <EmptyState icon='scales' title='还没有调解' description='遇到纠纷，可以申请街道免费的人民调解' action={{ id: 'jf-med-empty-apply', text: '申请调解', onClick: () => go(APPLY_URL) }} />
        }
      />
    </View>
  )
}
