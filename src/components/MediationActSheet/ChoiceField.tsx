import { Text, View } from '@tarojs/components'
import type { ReferralCode } from '../../contracts/api'
import FieldError from '../FieldError'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'

/** One of the declared choices (调解不成: where the parties can go next). */
export default function ChoiceField({ field, form, errors, set }: FieldProps) {
  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      <View className='jf-med-chips' id='jf-med-referrals'>
        {(field.choices ?? []).map((r) => (
          <View key={r.code} className={`jf-med-chip jf-med-referral ${form.referral === r.code ? 'is-active' : ''}`} data-code={r.code} onClick={() => set('referral', r.code as ReferralCode)}>
            <Text>{r.label}</Text>
          </View>
        ))}
      </View>
      <FieldError field='referral' message={errors.referral} />
    </View>
  )
}
