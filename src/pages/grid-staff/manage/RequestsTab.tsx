import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { formatInstant } from '../../../core/time'
import type { GridManageState } from './useGridManage'
import ListState from './ListState'

/** Join requests waiting for the grid worker: approve or refuse each. */
export default function RequestsTab({ s }: { s: GridManageState }) {
  const { requests, deciding, loadMembers, decide } = s
  return (
    <ListState state={requests} empty='暂无待审核的入群申请。居民在网格公示牌上申请入群后，会出现在这里等您审核' onRetry={() => void loadMembers('requested')}>
      {(items) => (
        <View className='jf-card' id='jf-gw-requests'>
          {items.map((m) => (
            <View key={m.userId} className='jf-row jf-gw-row jf-gw-request' data-user-id={m.userId}>
              <View className='jf-col jf-grow jf-gw-row-main'>
                <Text className='jf-gw-row-title'>{m.name}</Text>
                <Text className='jf-gw-row-sub'>
                  {m.building ? `${m.building} · ` : '未填写楼栋 · '}
                  {formatInstant(m.requestedAt)}申请
                </Text>
              </View>
              <View className='jf-row jf-gw-row-actions'>
                <Button className='jf-gw-refuse' size='small' fill='outline' disabled={deciding === m.userId} onClick={() => void decide(m, false)}>
                  拒绝
                </Button>
                <Button className='jf-gw-approve' size='small' type='primary' loading={deciding === m.userId} onClick={() => void decide(m, true)}>
                  同意
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
    </ListState>
  )
}
