import { Text } from '@tarojs/components'
import type { AnnouncementView } from '../../contracts/api'

/** An announcement's kind (通知, 活动, 提醒, 紧急) as a small tinted tag. */
export default function TypeTag({ ann }: { ann: Pick<AnnouncementView, 'type' | 'typeLabel'> }) {
  return (
    <Text className='jf-gw-type-tag' data-type={ann.type}>
      {ann.typeLabel}
    </Text>
  )
}
