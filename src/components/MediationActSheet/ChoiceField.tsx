import { View } from '@tarojs/components'
import type { ReferralCode } from '../../contracts/api'
import FieldError from '../FieldError'
import Chips from '../MediationKit/Chips'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'

/** One of the declared choices (调解不成: where the parties can go next). */
export default function ChoiceField({ field, form, errors, set }: FieldProps) {
  const choices = (field.choices ?? []) as ReadonlyArray<{ code: ReferralCode; label: string }>
  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      <Chips id='jf-med-referrals' className='' chipClass='jf-med-referral' items={choices} value={form.referral} onPick={(v) => set('referral', v)} />
      <FieldError field='referral' message={errors.referral} />
    </View>
  )
}
