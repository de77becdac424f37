import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Loaded } from './useGridManage'

/** A tab's list as it loads: loading, an error (with 重试 when sending again may help), the empty text, or the rows. */
export default function ListState<T>({ state, empty, onRetry, children }: { state: Loaded<T>; empty: string; onRetry: () => void; children: (items: T[]) => JSX.Element }) {
  if (state.phase === 'loading') return <View className='jf-center'>正在加载…</View>
  if (state.phase === 'error')
    return (
      <View className='jf-center jf-gw-list-error'>
        <Text>{state.message}</Text>
        {state.retryable && (
          <View className='jf-list-retry'>
            <Button size='small' onClick={onRetry}>
              重试
            </Button>
          </View>
        )}
      </View>
    )
  if (!state.items.length)
    return (
      <View className='jf-card jf-gw-empty jf-gw-list-empty'>
        <Text>{empty}</Text>
      </View>
    )
  return children(state.items)
}
