import { View } from '@tarojs/components'
import FieldError from '../FieldError'
import Chips from '../MediationKit/Chips'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'

/** The answer being recorded: the court's to a 司法确认 application, or the 移送函 receiver's (the move declares the choices). */
export default function AnswerField({ field, form, errors, set }: FieldProps) {
  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      <Chips id='jf-med-answers' className='' chipClass='jf-med-answer' items={field.choices ?? []} value={form.answer} onPick={(v) => set('answer', v)} />
      <FieldError field='answer' message={errors.answer} />
    </View>
  )
}
