import { Button, Empty } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import MediationRow from '../../../components/MediationRow'
import PagedList from '../../../components/PagedList'
import type { MediationSummary } from '../../../contracts/api'
import { usePagedList } from '../../../hooks/usePagedList'
import '../../../components/MediationKit/kit.css'
import './index.css'

const PAGE = 20
const APPLY_URL = '/pages/mediation/apply/index'
const JOIN_URL = '/pages/mediation/join/index'

const ROLE_LABEL: Record<string, string> = { applicant: '我是申请人', respondent: '我是被申请人' }

/** Mediations where I am the applicant or a respondent, newest first. */
export default function MyMediations() {
  // Statuses move while the user is inside a case: reload every time the list shows.
  const { items: cases, next, phase, error, loadingMore, refresh, loadMore } = usePagedList<MediationSummary>((before) =>
    api
      .call('mediation.mine', before ? { before, limit: PAGE } : { limit: PAGE })
      .then((r) => (r.ok ? { ...r, items: r.cases } : r)),
  )

  const go = (url: string) => void Taro.navigateTo({ url })

  const entries = (
    <View className='jf-medm-entries'>
      <View className='jf-medm-entry is-primary' id='jf-med-apply-entry' onClick={() => go(APPLY_URL)}>
        <Text className='jf-medm-entry-title'>申请调解</Text>
        <Text className='jf-medm-entry-text'>邻里、家庭、租赁等纠纷</Text>
      </View>
      <View className='jf-medm-entry' id='jf-med-join-entry' onClick={() => go(JOIN_URL)}>
        <Text className='jf-medm-entry-title'>输入邀请码</Text>
        <Text className='jf-medm-entry-text'>收到对方的调解邀请</Text>
      </View>
    </View>
  )

  return (
    <View className='jf-page jf-medm' id='jf-med-mine'>
      {entries}

      {phase === 'ready' && cases.length > 0 && <Text className='jf-medm-section'>我的调解</Text>}
      <PagedList
        phase={phase}
        error={error}
        empty={!cases.length}
        next={next}
        loadingMore={loadingMore}
        onRetry={() => void refresh()}
        onMore={() => void loadMore()}
        ids={{ error: 'jf-med-mine-error', empty: 'jf-med-mine-empty', list: 'jf-med-list', more: 'jf-med-more' }}
        emptyView={
          <>
            <Empty title='还没有调解' description='遇到纠纷，可以申请街道免费的人民调解' />
            <View className='jf-medm-empty-action'>
              <Button id='jf-med-empty-apply' type='primary' onClick={() => go(APPLY_URL)}>
                申请调解
              </Button>
            </View>
          </>
        }
      >
        {cases.map((c) => (
          <MediationRow
            key={c.id}
            c={c}
            prefix='jf-medm'
            kind={
              <>
                {c.disputeTypeLabel}
                {c.myRole && ROLE_LABEL[c.myRole] ? <Text className='jf-medm-role'> · {ROLE_LABEL[c.myRole]}</Text> : null}
              </>
            }
            meta={`${c.committeeName ?? '待受理'}${c.mediatorName ? ` · 调解员 ${c.mediatorName}` : ''}`}
            since=''
            onClick={() => go(`/pages/mediation/detail/index?id=${encodeURIComponent(c.id)}`)}
          />
        ))}
      </PagedList>
    </View>
  )
}
