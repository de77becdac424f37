import { Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { medTone } from '../../utils/mediation/status'

/** A mediation status in the colour of who it waits on; the label always comes from the server. */
export default function MediationStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <View className='jf-status-tag jf-med-status' data-status={status}>
      <Tag type={medTone(status)} plain={status === 'declined'}>
        {label}
      </Tag>
    </View>
  )
}
