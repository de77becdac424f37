import { Text, View } from '@tarojs/components'
import type { StaffCaseSummary } from '../../../../contracts/api'
import type { BulkResult } from './useConsoleQueue'
import { a11y } from '../../../../utils/a11y'

/** What a bulk assignment did: how many went through, and why each failed one did not (by the case's number, else its title). */
export default function BulkResults({ results, cases, onClose }: { results: BulkResult[]; cases: readonly StaffCaseSummary[]; onClose: () => void }) {
  const failed = results.filter((r) => !r.ok)
  const named = (id: string) => {
    const c = cases.find((x) => x.id === id)
    return c?.number ?? c?.title ?? '该事项'
  }
  return (
    <View className={`jf-cq-results ${failed.length ? 'has-failed' : ''}`} id='jf-bulk-results'>
      <View className='jf-cq-results-head'>
        <Text className='jf-cq-results-title'>
          分派结果：成功 {results.length - failed.length} 件
          {failed.length ? `，失败 ${failed.length} 件` : ''}
        </Text>
        <Text className='jf-cq-notice-close' {...a11y('button', { label: '关闭' })} onClick={onClose}>
          ×
        </Text>
      </View>
      {failed.map((r) => (
        <Text key={r.id} className='jf-cq-results-line' data-case-id={r.id}>
          {named(r.id)}：{r.message || '分派失败'}
        </Text>
      ))}
    </View>
  )
}
