import { Text, View } from '@tarojs/components'
import { shortId } from '../../../../components/StaffKit/logic'
import type { BulkResult } from './useConsoleQueue'

/** What a bulk assignment did: how many went through, and why each failed one did not. */
export default function BulkResults({ results, onClose }: { results: BulkResult[]; onClose: () => void }) {
  const failed = results.filter((r) => !r.ok)
  return (
    <View className={`jf-cq-results ${failed.length ? 'has-failed' : ''}`} id='jf-bulk-results'>
      <View className='jf-cq-results-head'>
        <Text className='jf-cq-results-title'>
          分派结果：成功 {results.length - failed.length} 件
          {failed.length ? `，失败 ${failed.length} 件` : ''}
        </Text>
        <Text className='jf-cq-notice-close' onClick={onClose}>
          ×
        </Text>
      </View>
      {failed.map((r) => (
        <Text key={r.id} className='jf-cq-results-line' data-case-id={r.id}>
          {shortId(r.id)}：{r.message || '分派失败'}
        </Text>
      ))}
    </View>
  )
}
