import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

interface Props {
  /** The failure to show; empty while the first load is still running. */
  error: string
  /** Set on the page only once it has failed, so tests can wait for it. */
  errorId: string
  loadingText?: string
  /** Without it the failure is final (nothing a retry could fix) and no button shows. */
  onRetry?: () => void
}

/** Whole-page placeholder of the rental pages before their data arrives: loading, or the failure with a retry. */
export default function LoadState({ error, errorId, loadingText = '正在加载…', onRetry }: Props) {
  return (
    <View className='jf-page jf-center' id={error ? errorId : undefined}>
      <Text>{error || loadingText}</Text>
      {error && onRetry && (
        <View className='jf-rental-submit'>
          <Button size='small' onClick={onRetry}>
            重试
          </Button>
        </View>
      )}
    </View>
  )
}
