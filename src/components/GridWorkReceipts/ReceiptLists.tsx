import { Text, View } from '@tarojs/components'
import type { ReceiptView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { unreadByBuilding } from '../../utils/gridwork/receipts'

/** The open tab's people: who has not read it yet, by building, or who has, in the order they read it. */
export default function ReceiptLists({ r, tab }: { r: ReceiptView; tab: 'unread' | 'read' }) {
  const groups = unreadByBuilding(r.unread)
  const readers = [...r.readers].sort((a, b) => Date.parse(a.readAt) - Date.parse(b.readAt))
  return (
    <>
      {tab === 'unread' &&
        (groups.length ? (
          <View id='jf-gw-unread-list'>
            {groups.map((g) => (
              <View key={g.building} className='jf-gw-rc-group' data-building={g.building}>
                <Text className='jf-gw-rc-building'>
                  {g.building}（{g.people.length}）
                </Text>
                <View className='jf-gw-rc-names'>
                  {g.people.map((u) => (
                    <Text key={u.userId} className='jf-gw-unread' data-user-id={u.userId}>
                      {u.name}
                    </Text>
                  ))}
                </View>
              </View>
            ))}
            {r.unreadCount > r.unread.length && <Text className='jf-muted jf-gw-rc-more'>仅列出前 {r.unread.length} 人，共 {r.unreadCount} 人未读</Text>}
          </View>
        ) : (
          <View className='jf-gw-empty' id='jf-gw-unread-none'>
            <Text>{r.roster ? '全部成员都已阅读' : '目标网格暂无已入群的居民'}</Text>
          </View>
        ))}

      {tab === 'read' &&
        (readers.length ? (
          <View id='jf-gw-reader-list'>
            {readers.map((u) => (
              <View key={u.userId} className='jf-row jf-gw-row jf-gw-reader' data-user-id={u.userId}>
                <Text className='jf-grow jf-gw-row-title jf-gw-row-main'>{u.name}</Text>
                <Text className='jf-muted'>{formatFull(u.readAt)}</Text>
              </View>
            ))}
            {r.read > r.readers.length && <Text className='jf-muted jf-gw-rc-more'>仅列出最先阅读的 {r.readers.length} 人，共 {r.read} 人已读</Text>}
          </View>
        ) : (
          <View className='jf-gw-empty'>
            <Text>还没有人阅读，可点下方「提醒未读」提醒居民</Text>
          </View>
        ))}
    </>
  )
}
