import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import TextBox from '../../../components/TextBox'
import { HELP_NOTE_MAX } from '../../../contracts/limits'

/** 结束求助: what was done, in a line the person reads on their status page. */
export default function CloseForm({ busy, error, onSubmit, onCancel }: { busy: boolean; error: string; onSubmit: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState('')
  const [local, setLocal] = useState('')
  const submit = () => {
    if (!note.trim()) return setLocal('请填写处理结果')
    setLocal('')
    onSubmit(note.trim())
  }
  return (
    <View className='jf-card jf-helpc-close' id='jf-helpc-close'>
      <Text className='jf-section-title'>结束求助</Text>
      <View className='jf-helpc-form'>
        <TextBox id='jf-helpc-close-note' label='处理结果（求助人可见）' labelClass='jf-helpc-label' required rows={3} value={note} onChange={setNote} maxLength={HELP_NOTE_MAX} field='note' error={local || error} placeholder='如：已上门劝解，双方达成谅解' />
      </View>
      <View className='jf-row jf-helpc-sheet-actions'>
        <Button id='jf-helpc-close-cancel' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button id='jf-helpc-close-submit' type='primary' loading={busy} onClick={submit}>
          结束求助
        </Button>
      </View>
    </View>
  )
}
