import { Text, View } from '@tarojs/components'
import StaffAssigneePicker from '../../../../components/StaffAssigneePicker'
import type { ConsoleQueueState } from './useConsoleQueue'
import { a11y } from '../../../../utils/a11y'

/** 批量分派: pick one handler or department for every ticked case. */
export default function BulkDialog({ count, a }: { count: number; a: ConsoleQueueState['assign'] }) {
  return (
    // A click on the mask itself closes; clicks inside the dialog are not stopped (stopping a
    // native event on a Taro View would keep React's handlers inside it from ever running).
    <div className='jf-modal-mask' onClick={(e) => e.target === e.currentTarget && a.close()}>
      <View className='jf-modal' id='jf-bulk-dialog'>
        <View className='jf-modal-head'>
          <Text className='jf-modal-title'>批量分派 {count} 件事项</Text>
          <Text className='jf-modal-close' {...a11y('button', { label: '关闭' })} onClick={a.close}>
            ×
          </Text>
        </View>
        <View className='jf-modal-body'>
          <StaffAssigneePicker value={a.assignee} onChange={a.pick} />
        </View>
        {a.error && (
          <Text className='jf-modal-error' id='jf-bulk-error'>
            {a.error}
          </Text>
        )}
        <View className='jf-modal-foot'>
          <button id='jf-bulk-cancel' type='button' className='jf-btn' disabled={a.busy} onClick={a.close}>
            取消
          </button>
          <button id='jf-bulk-confirm' type='button' className='jf-btn jf-btn-primary' disabled={a.busy} onClick={() => void a.submit()}>
            {a.busy ? '正在分派…' : '确认分派'}
          </button>
        </View>
      </View>
    </div>
  )
}
