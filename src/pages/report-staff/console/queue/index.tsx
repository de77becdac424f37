import { Text, View } from '@tarojs/components'
import StaffConsoleFilters from '../../../../components/StaffConsoleFilters'
import StaffConsoleHeader from '../../../../components/StaffConsoleHeader'
import BulkDialog from './BulkDialog'
import BulkResults from './BulkResults'
import ConsoleTable from './ConsoleTable'
import { useConsoleQueue } from './useConsoleQueue'
import { a11y } from '../../../../utils/a11y'
import './index.css'

/** The street's queue for the 综治中心 desk (H5): filter, select, bulk-assign, export. */
export default function ConsoleQueue() {
  const s = useConsoleQueue()
  const { q, selected, notice } = s
  return (
    <View className='jf-console' id='jf-console-queue'>
      <StaffConsoleHeader current='queue' />
      <View className='jf-console-main'>
        <StaffConsoleFilters value={s.filter} onChange={s.setFilter} error={s.badFilter} search />

        <View className='jf-cq-toolbar'>
          <Text className='jf-cq-total' id='jf-queue-total'>
            {q.phase === 'ready' ? `共 ${q.totalText} 件` : q.phase === 'loading' ? '正在查询…' : ''}
          </Text>
          {selected.length > 0 && <Text className='jf-cq-selected'>已选 {selected.length} 件</Text>}
          <View className='jf-cq-actions'>
            <button id='jf-bulk-assign' type='button' className='jf-btn jf-btn-primary' disabled={!selected.length} onClick={s.assign.show}>
              批量分派{selected.length ? `（${selected.length}）` : ''}
            </button>
            <button id='jf-export-csv' type='button' className='jf-btn' disabled={s.exporting || !!s.badFilter} onClick={() => void s.exportCsv()}>
              {s.exporting ? '正在导出…' : '导出 CSV'}
            </button>
          </View>
        </View>

        {notice && (
          <View className={`jf-cq-notice is-${notice.tone}`} id='jf-console-notice'>
            <Text>{notice.text}</Text>
            <Text className='jf-cq-notice-close' {...a11y('button', { label: '关闭提示' })} onClick={s.clearNotice}>
              ×
            </Text>
          </View>
        )}

        {s.results && <BulkResults results={s.results} cases={s.q.cases} onClose={s.clearResults} />}

        <ConsoleTable s={s} />
      </View>

      {s.assign.open && <BulkDialog count={selected.length} a={s.assign} />}
    </View>
  )
}
