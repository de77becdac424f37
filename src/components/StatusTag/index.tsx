import { Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { REPORT_STATUS_LABELS } from '../../core/kinds/reportTerms'

const STATUS_LABELS: Record<string, string> = REPORT_STATUS_LABELS

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** Open statuses in warm colours, finished ones calm, refusals red: the list reads at a glance. */
const TONE: Record<string, TagType> = {
  submitted: 'info',
  accepted: 'warning',
  assigned: 'warning',
  in_progress: 'warning',
  resolved: 'success',
  closed: 'default',
  rejected: 'danger',
  merged: 'default',
}

export default function StatusTag({ status, label }: { status: string; label?: string }) {
  return (
    <View className='jf-status-tag' data-status={status}>
      <Tag type={TONE[status] ?? 'default'} plain={status === 'closed' || status === 'merged'}>
        {label || STATUS_LABELS[status] || status}
      </Tag>
    </View>
  )
}
