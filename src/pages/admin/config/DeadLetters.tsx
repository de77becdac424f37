import { Text, View } from '@tarojs/components'
import AdminTable from '../../../components/AdminKit/AdminTable'
import { formatFull } from '../../../core/time'
import { useDeadLetters } from './useDeadLetters'

/**
 * 发送失败的微信通知: what WeChat refused or what failed every try, and why, so a wrong template,
 * page or release can be fixed. Each notice reached the person's 消息 in the app all the same.
 */
export function DeadLetters() {
  const { state, load } = useDeadLetters()
  return (
    // The table needs the page's whole width, under the editor and the history.
    <View className='jf-ak-section' id='jf-dead-letters' style={{ gridColumn: '1 / -1' }}>
      <View className='jf-ak-row'>
        <Text className='jf-ak-title'>发送失败的微信通知</Text>
        <button type='button' className='jf-btn' onClick={() => void load()}>
          刷新
        </button>
      </View>
      <Text className='jf-ak-help'>被微信拒绝、或多次重试仍未发出的订阅消息（最近 50 条）。这些通知都已送达小程序内的「消息」。</Text>
      {state.phase === 'loading' && <Text className='jf-ak-help'>正在加载…</Text>}
      {state.phase === 'error' && <Text className='jf-ak-notice is-error'>{state.message}</Text>}
      {state.phase === 'ready' && state.items.length === 0 && <Text className='jf-ak-help' id='jf-dead-letters-none'>暂无发送失败的通知。</Text>}
      {state.phase === 'ready' && state.items.length > 0 && (
        <AdminTable head={['通知类型', '接收人', '内容', '产生时间', '放弃时间', '尝试次数', '原因']}>
          {state.items.map((x, i) => (
            <tr key={`${x.failedAt}-${i}`} className='jf-dead-letter'>
              <td>{x.notice}</td>
              <td>{x.recipient}</td>
              <td>{x.title}</td>
              <td>{formatFull(x.at)}</td>
              <td>{formatFull(x.failedAt)}</td>
              <td>{x.tries}</td>
              <td className='jf-dead-letter-reason'>{x.reason}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </View>
  )
}
