import { Text, View } from '@tarojs/components'
import ConsoleRow from './ConsoleRow'
import type { ConsoleQueueState } from './useConsoleQueue'

const COLUMNS = ['编号', '类别', '事项', '网格', '状态', '处置人 / 部门', '上报时间', '办理时限']

/** The queue as a desk table with its loading, error and empty states under the head, and the paging foot. */
export default function ConsoleTable({ s }: { s: ConsoleQueueState }) {
  const { q, results } = s
  const now = new Date()
  return (
    <>
      <View className='jf-cq-table-wrap'>
        <table className='jf-cq-table' id='jf-console-table'>
          <thead>
            <tr>
              <th className='jf-cq-col-check'>
                <input id='jf-select-all' className='jf-check' type='checkbox' checked={s.allOnPage} onChange={s.toggleAll} aria-label='全选' />
              </th>
              {COLUMNS.map((h) => (
                <th key={h}>{h}</th>
              ))}
              {results && <th>分派结果</th>}
            </tr>
          </thead>
          <tbody>
            {q.phase === 'ready' &&
              q.cases.map((c) => (
                <ConsoleRow
                  key={c.id}
                  c={c}
                  now={now}
                  on={s.selected.includes(c.id)}
                  result={results ? results.find((r) => r.id === c.id) ?? null : undefined}
                  onToggle={s.toggleOne}
                  onOpen={s.open}
                />
              ))}
          </tbody>
        </table>
        {q.phase === 'loading' && <View className='jf-cq-state'>正在查询…</View>}
        {q.phase === 'error' && (
          <View className='jf-cq-state is-error' id='jf-queue-error'>
            <Text>{q.error}</Text>
            <button type='button' className='jf-btn' onClick={s.retry}>
              重试
            </button>
          </View>
        )}
        {q.phase === 'ready' && !q.cases.length && (
          <View className='jf-cq-state' id='jf-queue-empty'>
            没有符合条件的事项
          </View>
        )}
      </View>

      {q.phase === 'ready' && q.cases.length > 0 && (
        <View className='jf-cq-more'>
          {q.next ? (
            <button id='jf-queue-more' type='button' className='jf-btn' disabled={q.loadingMore} onClick={s.more}>
              {q.loadingMore ? '正在加载…' : `加载更多（已显示 ${q.cases.length} / ${q.totalText}）`}
            </button>
          ) : (
            <Text className='jf-cq-dim'>已显示全部 {q.cases.length} 件</Text>
          )}
        </View>
      )}
    </>
  )
}
