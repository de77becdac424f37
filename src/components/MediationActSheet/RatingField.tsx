import { TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../FieldError'
import Stars from '../Stars'
import type { FieldProps } from './fieldProps'
import { RATING_COMMENT_MAX } from '../../contracts/limits'

/** 评价: the stars, and what the party wants to add in words. */
export default function RatingField({ form, errors, set }: FieldProps) {
  return (
    <View className='jf-med-field' id='jf-med-rating'>
      <Text className='jf-med-label jf-required'>对本次调解的评价</Text>
      <Stars value={form.rating} onChange={(v) => set('rating', v)} />
      <FieldError field='rating' message={errors.rating} />
      <View id='jf-med-comment' className='jf-med-note'>
        <TextArea value={form.comment} onChange={(v) => set('comment', v)} placeholder='选填：说说您的感受和建议' maxLength={RATING_COMMENT_MAX} rows={3} />
      </View>
    </View>
  )
}
