import { Empty, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import MediationRow from '../../../components/MediationRow'
import PagedList from '../../../components/PagedList'
import { useMediationQueue } from './useMediationQueue'
import '../../../components/MediationKit/kit.css'
import '../../../components/TabStrip/tabs.css'
import './index.css'

export const LEDGER_URL = '/pages/mediation-staff/ledger/index'

/** The mediation queue: a mediator's committee (or only their own cases), the centre's whole street; deadline first. */
export default function MediatorQueue() {
  const { session, isDispatcher, isMediator, tabs, query, cases, next, total, phase, error, loadingMore, load, loadMore, change } = useMediationQueue()

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/mediation-staff/case/index?id=${encodeURIComponent(id)}` })

  if (session.status === 'loading' || (session.status === 'ready' && !query))
    return <View className='jf-page jf-center'>正在加载…</View>
  if (session.status !== 'ready')
    return (
      <View className='jf-page jf-center' id='jf-medq-error'>
        <Text>{session.status === 'error' ? session.message : '请先登录'}</Text>
      </View>
    )

  return (
    <View className='jf-page jf-medq' id='jf-medq'>
      <View className='jf-tabs jf-medq-tabs' id='jf-medq-tabs'>
        {tabs.map((t) => (
          <View
            key={t.key}
            id={`jf-medq-tab-${t.key}`}
            className={`jf-tab jf-medq-tab ${query?.tab === t.key ? 'is-active' : ''}`}
            data-tab={t.key}
            onClick={() => query && query.tab !== t.key && change({ ...query, tab: t.key })}
          >
            <Text>{t.label}</Text>
            {query?.tab === t.key && phase === 'ready' && <Text className='jf-tab-count jf-medq-tab-count'>{total}</Text>}
          </View>
        ))}
      </View>

      {(isMediator || (isDispatcher && process.env.TARO_ENV === 'h5')) && (
        <View className='jf-medq-tools'>
          {isMediator ? (
            <View className='jf-medq-mine' id='jf-medq-mine' data-on={query?.mine ? '1' : '0'}>
              <Text className='jf-medq-mine-label'>仅看我承办的</Text>
              <Switch checked={!!query?.mine} onChange={(v) => query && change({ ...query, mine: v })} />
            </View>
          ) : (
            <View />
          )}
          {isDispatcher && process.env.TARO_ENV === 'h5' && (
            <Text className='jf-medq-ledger' id='jf-medq-ledger' onClick={() => void Taro.navigateTo({ url: LEDGER_URL })}>
              调解台账 ›
            </Text>
          )}
        </View>
      )}

      <PagedList
        phase={phase}
        error={error}
        empty={!cases.length}
        next={next}
        loadingMore={loadingMore}
        onRetry={() => query && void load(query)}
        onMore={() => void loadMore()}
        ids={{ error: 'jf-medq-load-error', empty: 'jf-medq-empty', list: 'jf-medq-list', more: 'jf-medq-more' }}
        emptyView={
          <Empty
            title={query?.tab === 'applied' ? '暂无待受理的调解申请' : query?.tab === 'open' ? '暂无进行中的调解' : '暂无已结束的调解'}
            description='案件按调解期限排序，临近期限的排在前面'
          />
        }
      >
        {cases.map((c) => (
          <MediationRow
            key={c.id}
            c={c}
            prefix='jf-medq'
            kind={c.disputeTypeLabel}
            meta={`${c.committeeName ?? '未分配调解组织'}${c.mediatorName ? ` · ${c.mediatorName}` : ''}`}
            since='申请于 '
            flagOverdue
            onClick={() => open(c.id)}
          />
        ))}
      </PagedList>
    </View>
  )
}
