import { Text, View } from '@tarojs/components'
import FieldError from '../FieldError'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'
import { MEDIATION_NOTE_MAX, RATING_COMMENT_MAX } from '../../contracts/limits'
import { LimitedTextArea } from '../TextBox'

const MAX = { note: MEDIATION_NOTE_MAX, comment: RATING_COMMENT_MAX } as const

/** A free-text field of a move (说明, 原因, 调解记录, 评价内容): its title, hint and whether it must be filled. */
export default function TextField({ field, form, errors, set }: FieldProps) {
  const key = field.name === 'comment' ? 'comment' : 'note'
  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      <View id={`jf-med-${key}`} className='jf-med-note'>
        <LimitedTextArea value={form[key]} onChange={(v) => set(key, v)} placeholder={field.placeholder} maxLength={MAX[key]} rows={3} />
      </View>
      <FieldError field={key} message={errors[key]} />
    </View>
  )
}
