import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

/** Someone else's report, opened from the duplicate suggestion: following it is what lets the user read it. */
export default function FollowGate({ busy, onFollow }: { busy: boolean; onFollow: () => void }) {
  return (
    <View className='jf-page jf-center' id='jf-case-error' data-code='NOT_FOUND'>
      <View className='jf-card jf-detail-follow-gate' id='jf-follow-gate'>
        <Text className='jf-detail-gate-title'>这是其他居民上报的事项</Text>
        <Text className='jf-muted jf-detail-gate-text'>关注后即可查看办理进度，并在状态变化时收到通知</Text>
        <Button id='jf-follow' type='primary' loading={busy} onClick={onFollow}>
          关注此事项
        </Button>
      </View>
    </View>
  )
}
