import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import ChartCanvas from '../../../../components/ChartCanvas'
import type { StatsView } from '../../../../contracts/api'
import GridChoropleth from './GridChoropleth'

interface ChartProps {
  id: string
  title: string
  kind: 'bar' | 'line' | 'hbar'
  rows: Array<{ label: string; count: number }>
  seriesLabel: string
  color: string
  height?: number
}

function Panel({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <View className={wide ? 'jf-db-panel is-wide' : 'jf-db-panel'}>
      <Text className='jf-db-panel-title'>{title}</Text>
      {children}
    </View>
  )
}

const NoData = () => <View className='jf-db-empty'>暂无事项，有新事项后会在这里统计</View>

function Chart({ id, title, kind, rows, seriesLabel, color, height }: ChartProps) {
  return (
    <Panel title={title}>
      {rows.length ? (
        <ChartCanvas id={id} kind={kind} labels={rows.map((x) => x.label)} values={rows.map((x) => x.count)} seriesLabel={seriesLabel} color={color} height={height} />
      ) : (
        <NoData />
      )}
    </Panel>
  )
}

/** Where and when cases come from (grid map, category, day, grid) as charts, and the status split as bars. */
export default function StatsCharts({ s }: { s: StatsView }) {
  return (
    <View className='jf-db-grid'>
      <Panel title='按网格分布' wide>
        <GridChoropleth grids={s.gridMap} />
      </Panel>
      <Chart id='jf-chart-category' title='按类别' kind='bar' rows={s.byCategory} seriesLabel='事项数' color='#3370ff' />
      <Chart id='jf-chart-day' title='每日上报量' kind='line' rows={s.byDay.map((x) => ({ label: x.day.slice(5), count: x.count }))} seriesLabel='上报数' color='#fa2c19' />
      <Chart id='jf-chart-grid' title='按网格' kind='hbar' rows={s.byGrid} seriesLabel='事项数' color='#14c9c9' height={Math.max(260, s.byGrid.length * 28)} />
      <Panel title='按状态'>
        <View className='jf-db-status' id='jf-stat-by-status'>
          {s.byStatus.map((x) => (
            <View key={x.key} className='jf-db-status-row' data-status={x.key}>
              <Text className='jf-db-status-label'>{x.label}</Text>
              <View className='jf-db-status-bar'>
                <View className='jf-db-status-fill' style={{ width: `${s.total ? Math.round((x.count / s.total) * 100) : 0}%` }} />
              </View>
              <Text className='jf-db-status-count'>{x.count}</Text>
            </View>
          ))}
          {!s.byStatus.length && <NoData />}
        </View>
      </Panel>
    </View>
  )
}
