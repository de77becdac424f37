import { Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import EmptyState from '../../../components/EmptyState'
import LoadState from '../../../components/LoadState'
import { MediationList } from '../../../components/MediationRow'
import { useMediationQueue } from './useMediationQueue'
import { a11y } from '../../../utils/a11y'
import '../../../components/MediationKit/kit.css'
import '../../../components/TabStrip/tabs.css'
import './index.css'

export const LEDGER_URL = '/pages/mediation-staff/ledger/index'
/** 录入纠纷 (三捕三捉): a dispute staff found, entered for mediation. */
export const INTAKE_URL = '/pages/mediation-staff/intake/index'

const EMPTY_TITLE: Record<string, string> = { applied: '暂无待受理的调解申请', open: '暂无进行中的调解', closed: '暂无已结束的调解' }

/** The mediation queue: a mediator's committee (or only their own cases), the centre's whole street; deadline first. */
export default function MediatorQueue() {
  const { session, isDispatcher, isMediator, tabs, query, totalText, list, change } = useMediationQueue()
  if (session.status === 'loading' || (session.status === 'ready' && !query)) return <LoadState error='' errorId='jf-medq-error' />
  if (session.status !== 'ready' || !query) return <LoadState error={session.status === 'error' ? session.message : '请先登录'} errorId='jf-medq-error' />
  const ledger = isDispatcher && process.env.TARO_ENV === 'h5'

  return (
    <View className='jf-page jf-medq' id='jf-medq'>
      <View className='jf-tabs jf-medq-tabs' id='jf-medq-tabs' {...a11y('tablist')}>
        {tabs.map((t) => (
          <View
            key={t.key}
            id={`jf-medq-tab-${t.key}`}
            className={`jf-tab jf-medq-tab ${query.tab === t.key ? 'is-active' : ''}`}
            data-tab={t.key}
            {...a11y('tab', { selected: query.tab === t.key })}
            onClick={() => query.tab !== t.key && change({ ...query, tab: t.key })}
          >
            <Text>{t.label}</Text>
            {query.tab === t.key && list.phase === 'ready' && <Text className='jf-tab-count jf-medq-tab-count'>{totalText}</Text>}
          </View>
        ))}
      </View>

      <View className='jf-medq-intake jf-row-between' id='jf-medq-intake' {...a11y('link')} onClick={() => void Taro.navigateTo({ url: INTAKE_URL })}>
        <View className='jf-col'>
          <Text className='jf-medq-intake-title'>录入纠纷</Text>
          <Text className='jf-muted jf-medq-intake-hint'>排查发现、12345 工单、警情、舆情线索中的矛盾纠纷</Text>
        </View>
        <Text className='jf-medq-intake-go'>›</Text>
      </View>

      {(isMediator || ledger) && (
        <View className='jf-medq-tools jf-row-between'>
          {isMediator ? (
            <View className='jf-row' id='jf-medq-mine' data-on={query.mine ? '1' : '0'}>
              <Text className='jf-medq-mine-label'>仅看我承办的</Text>
              <Switch checked={query.mine} ariaLabel='仅看我承办的' onChange={(v) => change({ ...query, mine: v })} />
            </View>
          ) : (
            <View />
          )}
          {ledger && (
            <Text className='jf-medq-ledger' id='jf-medq-ledger' {...a11y('link', { label: '调解台账' })} onClick={() => void Taro.navigateTo({ url: LEDGER_URL })}>
              调解台账 ›
            </Text>
          )}
        </View>
      )}

      <MediationList
        audience='staff'
        list={list}
        ids={{ error: 'jf-medq-load-error', empty: 'jf-medq-empty', list: 'jf-medq-list', more: 'jf-medq-more' }}
        emptyView={<EmptyState icon='scales' title={EMPTY_TITLE[query.tab] ?? EMPTY_TITLE.closed} description='案件按调解期限排序，临近期限的排在前面' />}
      />
    </View>
  )
}
