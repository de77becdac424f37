import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../../api'
import ChartCanvas from '../../../../components/ChartCanvas'
import StaffConsoleFilters from '../../../../components/StaffConsoleFilters'
import StaffConsoleHeader from '../../../../components/StaffConsoleHeader'
import {
  durationText,
  emptyConsoleFilter,
  filterError,
  percentText,
  toQueueFilter,
  type ConsoleFilter,
} from '../../../../components/StaffKit/logic'
import type { StatsView } from '../../../../contracts/api'
import './index.css'

/** The street's numbers for the 综治中心 (H5): counts, overdue rate, and where and when cases come from. */
export default function ConsoleDashboard() {
  const [filter, setFilter] = useState<ConsoleFilter>(emptyConsoleFilter)
  const [stats, setStats] = useState<StatsView | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const seq = useRef(0)
  const badFilter = filterError(filter)

  const load = async (f: ConsoleFilter) => {
    const mine = ++seq.current
    setPhase('loading')
    const r = await api.call('cases.stats', toQueueFilter(f))
    if (mine !== seq.current) return
    if (r.ok) {
      setStats(r.stats)
      setPhase('ready')
      setError('')
    } else {
      setError(r.message)
      setPhase('error')
    }
  }

  useEffect(() => {
    if (!badFilter) void load(filter)
  }, [filter, badFilter])

  const s = stats
  const cards = s
    ? [
        { id: 'jf-stat-total', label: '事项总数', value: String(s.total), tone: '' },
        { id: 'jf-stat-open', label: '处理中', value: String(s.open), tone: 'is-warn' },
        { id: 'jf-stat-overdue', label: '超时', value: String(s.overdue), tone: s.overdue ? 'is-danger' : '' },
        { id: 'jf-stat-overdue-rate', label: '超时率', value: percentText(s.overdueRate), tone: s.overdue ? 'is-danger' : '' },
        { id: 'jf-stat-closed', label: '已办结', value: String(s.closed), tone: 'is-ok' },
        { id: 'jf-stat-avg-hours', label: '平均办结时长', value: durationText(s.avgHoursToResolve), tone: '' },
      ]
    : []

  return (
    <View className='jf-console' id='jf-console-dashboard'>
      <StaffConsoleHeader current='dashboard' />
      <View className='jf-console-main'>
        <StaffConsoleFilters value={filter} onChange={setFilter} error={badFilter} />

        {phase === 'error' && (
          <View className='jf-db-state is-error' id='jf-stats-error'>
            <Text>{error}</Text>
            <button type='button' className='jf-btn' onClick={() => void load(filter)}>
              重试
            </button>
          </View>
        )}

        {s && (
          <View className={`jf-db-body ${phase === 'loading' ? 'is-loading' : ''}`} id='jf-stats' data-phase={phase}>
            <View className='jf-db-cards'>
              {cards.map((c) => (
                <View key={c.id} className={`jf-db-card ${c.tone}`} id={c.id}>
                  <Text className='jf-db-card-label'>{c.label}</Text>
                  <Text className='jf-db-card-value'>{c.value}</Text>
                </View>
              ))}
            </View>

            <View className='jf-db-grid'>
              <View className='jf-db-panel'>
                <Text className='jf-db-panel-title'>按类别</Text>
                {s.byCategory.length ? (
                  <ChartCanvas
                    id='jf-chart-category'
                    kind='bar'
                    labels={s.byCategory.map((x) => x.label)}
                    values={s.byCategory.map((x) => x.count)}
                    seriesLabel='事项数'
                    color='#3370ff'
                  />
                ) : (
                  <View className='jf-db-empty'>暂无数据</View>
                )}
              </View>
              <View className='jf-db-panel'>
                <Text className='jf-db-panel-title'>每日上报量</Text>
                {s.byDay.length ? (
                  <ChartCanvas
                    id='jf-chart-day'
                    kind='line'
                    labels={s.byDay.map((x) => x.day.slice(5))}
                    values={s.byDay.map((x) => x.count)}
                    seriesLabel='上报数'
                    color='#fa2c19'
                  />
                ) : (
                  <View className='jf-db-empty'>暂无数据</View>
                )}
              </View>
              <View className='jf-db-panel'>
                <Text className='jf-db-panel-title'>按网格</Text>
                {s.byGrid.length ? (
                  <ChartCanvas
                    id='jf-chart-grid'
                    kind='hbar'
                    labels={s.byGrid.map((x) => x.label)}
                    values={s.byGrid.map((x) => x.count)}
                    seriesLabel='事项数'
                    color='#14c9c9'
                    height={Math.max(260, s.byGrid.length * 28)}
                  />
                ) : (
                  <View className='jf-db-empty'>暂无数据</View>
                )}
              </View>
              <View className='jf-db-panel'>
                <Text className='jf-db-panel-title'>按状态</Text>
                <View className='jf-db-status' id='jf-stat-by-status'>
                  {s.byStatus.map((x) => (
                    <View key={x.key} className='jf-db-status-row' data-status={x.key}>
                      <Text className='jf-db-status-label'>{x.label}</Text>
                      <View className='jf-db-status-bar'>
                        <View
                          className='jf-db-status-fill'
                          style={{ width: `${s.total ? Math.round((x.count / s.total) * 100) : 0}%` }}
                        />
                      </View>
                      <Text className='jf-db-status-count'>{x.count}</Text>
                    </View>
                  ))}
                  {!s.byStatus.length && <View className='jf-db-empty'>暂无数据</View>}
                </View>
              </View>
            </View>
          </View>
        )}

        {!s && phase === 'loading' && <View className='jf-db-state'>正在统计…</View>}
      </View>
    </View>
  )
}
