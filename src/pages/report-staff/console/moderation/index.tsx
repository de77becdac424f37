import { View } from '@tarojs/components'
import ModerationQueue from '../../../../components/ModerationQueue'
import StaffConsoleHeader from '../../../../components/StaffConsoleHeader'
import './index.css'

/** 内容审核 at the 综治中心 desk (H5): the street's reports whose content waits for a decision. */
export default function ConsoleModeration() {
  return (
    <View className='jf-console' id='jf-console-moderation'>
      <StaffConsoleHeader current='moderation' />
      <View className='jf-console-main'>
        <View className='jf-cm-column'>
          <ModerationQueue openFrom='moderation' />
        </View>
      </View>
    </View>
  )
}
