import { Radio, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { NoteVisibility } from '../../contracts/api'
import FieldError from '../FieldError'
import { NOTE_VISIBILITY_OPTIONS, visibilityHint, type ActForm } from '../StaffKit/logic'
import { CASE_NOTE_MAX } from '../../contracts/limits'

interface Props {
  action: string
  note: { title: string; placeholder: string }
  value: string
  visibility: NoteVisibility
  error: string | undefined
  set: <K extends keyof ActForm>(k: K, v: ActForm[K]) => void
}

/** A move's note and who may read it: internal by default, 公开 shows it to the reporter and followers. */
export default function NoteField({ action, note, value, visibility, error, set }: Props) {
  return (
    <View className='jf-act-field'>
      <Text className={`jf-act-label ${['resolve', 'reject', 'note'].includes(action) ? 'jf-required' : ''}`}>{note.title}</Text>
      <View id='jf-act-note' className='jf-act-note'>
        <TextArea value={value} onChange={(v) => set('note', v)} placeholder={note.placeholder} maxLength={CASE_NOTE_MAX} rows={3} showCount />
      </View>
      <FieldError field='note' message={error} />
      <View className='jf-act-visibility' id='jf-act-visibility' data-visibility={visibility}>
        <Radio.Group value={visibility} direction='horizontal' shape='button' onChange={(v) => set('noteVisibility', v as NoteVisibility)}>
          {NOTE_VISIBILITY_OPTIONS.map((o) => (
            <Radio key={o.value} value={o.value} className={`jf-act-vis jf-act-vis-${o.value}`}>
              {o.label}
            </Radio>
          ))}
        </Radio.Group>
        <Text className={`jf-act-vis-hint ${visibility === 'public' ? 'is-public' : ''}`} id='jf-act-vis-hint'>
          {visibilityHint(visibility)}
        </Text>
      </View>
    </View>
  )
}
