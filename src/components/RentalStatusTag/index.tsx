import { Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { statusTone } from '../RentalKit/logic'

/** A check-in status (待确认 / 在住 / 已驳回 / 已退租 / 已清除); the label comes from the server. */
export default function RentalStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <View className='jf-status-tag jf-rental-status' data-status={status}>
      <Tag type={statusTone(status)} plain={status === 'checked_out' || status === 'purged'}>
        {label}
      </Tag>
    </View>
  )
}
