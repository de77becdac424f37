import { Text, View } from '@tarojs/components'
import FieldError from '../FieldError'
import FieldLabel from './FieldLabel'
import Stars from '../Stars'
import type { FieldProps } from './fieldProps'

/** 评价: one to five stars. */
export default function RatingField({ field, form, errors, set }: FieldProps) {
  return (
    <View className='jf-med-field' id='jf-med-rating'>
      <FieldLabel field={field} />
      <Stars value={form.rating} onChange={(v) => set('rating', v)} />
      <FieldError field='rating' message={errors.rating} />
    </View>
  )
}
