import { Text, View } from '@tarojs/components'
import StaffConsoleFilters from '../../../../components/StaffConsoleFilters'
import StaffConsoleHeader from '../../../../components/StaffConsoleHeader'
import { durationText, percentText } from '../../../../components/StaffKit/logic'
import type { StatsView } from '../../../../contracts/api'
import StatsCharts from './StatsCharts'
import { useDashboard } from './useDashboard'
import './index.css'

function cardsOf(s: StatsView) {
  return [
    { id: 'jf-stat-total', label: '事项总数', value: String(s.total), tone: '', hint: '' },
    { id: 'jf-stat-open', label: '处理中', value: String(s.open), tone: 'is-warn', hint: '' },
    { id: 'jf-stat-overdue', label: '超时', value: String(s.overdue), tone: s.overdue ? 'is-danger' : '', hint: '' },
    { id: 'jf-stat-overdue-rate', label: '超时率', value: percentText(s.overdueRate), tone: s.overdue ? 'is-danger' : '', hint: '' },
    { id: 'jf-stat-closed', label: '已办结', value: String(s.closed), tone: 'is-ok', hint: '含已评价' },
    { id: 'jf-stat-avg-hours', label: '平均办结时长', value: durationText(s.avgHoursToResolve), tone: '', hint: '' },
  ]
}

/** The street's numbers for the 综治中心 (H5): counts, overdue rate, and where and when cases come from. */
export default function ConsoleDashboard() {
  const { filter, setFilter, badFilter, stats: s, phase, error, retry } = useDashboard()
  return (
    <View className='jf-console' id='jf-console-dashboard'>
      <StaffConsoleHeader current='dashboard' />
      <View className='jf-console-main'>
        <StaffConsoleFilters value={filter} onChange={setFilter} error={badFilter} />

        {phase === 'error' && (
          <View className='jf-db-state is-error' id='jf-stats-error'>
            <Text>{error}</Text>
            <button type='button' className='jf-btn' onClick={retry}>
              重试
            </button>
          </View>
        )}

        {s && (
          <View className={`jf-db-body ${phase === 'loading' ? 'is-loading' : ''}`} id='jf-stats' data-phase={phase}>
            <View className='jf-db-cards'>
              {cardsOf(s).map((c) => (
                <View key={c.id} className={`jf-db-card ${c.tone}`} id={c.id}>
                  <Text className='jf-db-card-label'>{c.label}</Text>
                  <Text className='jf-db-card-value'>{c.value}</Text>
                  {c.hint && <Text className='jf-db-card-hint'>{c.hint}</Text>}
                </View>
              ))}
            </View>
            <StatsCharts s={s} />
          </View>
        )}

        {!s && phase === 'loading' && <View className='jf-db-state'>正在统计…</View>}
      </View>
    </View>
  )
}
