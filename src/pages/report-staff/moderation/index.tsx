import { View } from '@tarojs/components'
import ModerationQueue from '../../../components/ModerationQueue'

/** 内容审核 for a grid worker (and the street in the mini-program): what of their reports the public may see. */
export default function StaffModeration() {
  return (
    <View className='jf-page jf-staff-moderation'>
      <ModerationQueue />
    </View>
  )
}
