import { Text, View } from '@tarojs/components'
import type { StaffCaseSummary } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import CaseNumber from '../CaseNumber'
import StatusTag from '../StatusTag'
import StaffSla from '../StaffSla'
import { a11y } from '../../utils/a11y'
import '../QueueRow/index.css'
import './index.css'

/** One case in a handler's queue: what, where, how urgent, and whether the reporter is anonymous. */
export default function StaffQueueRow({ c, onOpen }: { c: StaffCaseSummary; onOpen: (id: string) => void }) {
  return (
    <View
      className={`jf-card jf-queue-row jf-sq-row ${c.overdue ? 'is-overdue' : ''}`}
      data-case-id={c.id}
      data-status={c.status}
      data-overdue={c.overdue ? '1' : '0'}
      {...a11y('link')}
      onClick={() => onOpen(c.id)}
    >
      <View className='jf-queue-row-head'>
        <Text className='jf-queue-row-category'>{c.categoryName}</Text>
        <StatusTag status={c.status} label={c.statusLabel} />
      </View>
      <Text className='jf-queue-row-title'>{c.title}</Text>
      <CaseNumber value={c.number} className='jf-queue-row-number' />
      <View className='jf-queue-row-meta'>
        <Text className='jf-queue-row-grid'>{c.gridName}</Text>
        {c.anonymous && <Text className='jf-anon-mark'>匿名</Text>}
        {(c.assigneeName || c.departmentName) && (
          <Text className='jf-queue-row-handler'>处置：{c.assigneeName || c.departmentName}</Text>
        )}
      </View>
      <View className='jf-queue-row-foot'>
        <StaffSla deadline={c.slaDeadline} status={c.status} overdue={c.overdue} />
        <Text className='jf-muted'>{formatInstant(c.createdAt)}</Text>
      </View>
    </View>
  )
}
