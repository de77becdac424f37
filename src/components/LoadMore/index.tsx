import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import '../PagedList/index.css'

/** The foot of a paged list: 加载更多 while there is a next page, then 没有更多了. */
export default function LoadMore({ id, next, loading, onMore }: { id: string; next: string | null; loading: boolean; onMore: () => void }) {
  return (
    <View className='jf-list-more'>
      {next ? (
        <Button id={id} size='small' fill='none' loading={loading} onClick={onMore}>
          加载更多
        </Button>
      ) : (
        <Text className='jf-muted'>没有更多了</Text>
      )}
    </View>
  )
}
