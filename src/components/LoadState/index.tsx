import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import '../PagedList/index.css'

interface Props {
  /** The failure to show; empty while the load is still running. */
  error: string
  /** Set on the placeholder only once it has failed, so tests can wait for it. */
  errorId: string
  /** Set while it is still loading (and after a failure when no errorId differs). */
  loadingId?: string
  loadingText?: string
  /** Without it the failure is final (nothing a retry could fix) and no button shows. */
  onRetry?: () => void
  /** The failure's own `retryable` (a lost network, a busy server); false hides 重试 (not found, no access). */
  retryable?: boolean
  /** The placeholder's classes: the whole page by default, a block inside one otherwise. */
  className?: string
}

/** What stands where data will be: loading, or the failure with 重试. */
export default function LoadState({ error, errorId, loadingId, loadingText = '正在加载…', onRetry, retryable = true, className = 'jf-page jf-center' }: Props) {
  return (
    <View className={className} id={error ? errorId : loadingId}>
      <Text {...a11y('status', { live: 'polite' })}>{error || loadingText}</Text>
      {error && onRetry && retryable && (
        <View className='jf-list-retry'>
          <Button size='small' onClick={onRetry}>
            重试
          </Button>
        </View>
      )}
    </View>
  )
}
