import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { formatInstant } from '../../../core/time'
import type { BoardView } from '../../../contracts/api'
import type { GridManageState } from './useGridManage'
import ListState from './ListState'
import { PUBLISH_URL, RECEIPTS_URL } from '../../../utils/gridwork/links'
import TypeTag from '../../../components/GridWorkKit/TypeTag'

/** The announcements this grid has published, with their read receipts, and 发布公告. */
export default function NoticesTab({ s, board }: { s: GridManageState; board: BoardView }) {
  const { notices, loadNotices, go } = s
  return (
    <>
      <View className='jf-gw-submit-bar'>
        <Button id='jf-gw-go-publish' type='primary' block onClick={() => go(`${PUBLISH_URL}?code=${encodeURIComponent(board.grid.code)}`)}>
          发布公告
        </Button>
      </View>
      <ListState state={notices} empty='还没有发布过公告。点上方「发布公告」，通知会送到已入群的居民' onRetry={() => void loadNotices()}>
        {(items) => (
          <View className='jf-card' id='jf-gw-notices'>
            {items.map((a) => (
              <View key={a.id} className='jf-row jf-gw-row jf-gw-notice' data-id={a.id} data-type={a.type}>
                <View className='jf-col jf-grow jf-gw-row-main'>
                  <View className='jf-row jf-gw-notice-title'>
                    <TypeTag ann={a} />
                    <Text className='jf-gw-row-title'>{a.title}</Text>
                  </View>
                  <Text className='jf-gw-row-sub'>
                    {a.scopeLabel} · {formatInstant(a.publishedAt)}
                  </Text>
                </View>
                <View className='jf-row jf-gw-row-actions'>
                  <Button className='jf-gw-open-receipts' size='small' fill='outline' type='primary' onClick={() => go(`${RECEIPTS_URL}?id=${encodeURIComponent(a.id)}`)}>
                    阅读回执
                  </Button>
                </View>
              </View>
            ))}
          </View>
        )}
      </ListState>
    </>
  )
}
