import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { ReferralCode } from '../../contracts/api'
import { REFERRAL_LABELS, REFERRALS } from '../../core/kinds/mediationTerms'
import FieldError from '../FieldError'
import type { FieldProps } from './fieldProps'

/** 调解不成: where the parties can go next; the server's list wins over the built-in one. */
export default function ReferralField({ form, errors, set }: FieldProps) {
  const [referrals, setReferrals] = useState<Array<{ code: ReferralCode; label: string }>>(() =>
    REFERRALS.map((code) => ({ code, label: REFERRAL_LABELS[code] })),
  )
  useEffect(() => {
    void api.call('mediation.options', {}).then((r) => {
      if (r.ok && r.referrals.length) setReferrals(r.referrals)
    })
  }, [])
  return (
    <View className='jf-med-field'>
      <Text className='jf-med-label jf-required'>后续处理途径</Text>
      <View className='jf-med-chips' id='jf-med-referrals'>
        {referrals.map((r) => (
          <View key={r.code} className={`jf-med-chip jf-med-referral ${form.referral === r.code ? 'is-active' : ''}`} data-code={r.code} onClick={() => set('referral', r.code)}>
            <Text>{r.label}</Text>
          </View>
        ))}
      </View>
      <FieldError field='referral' message={errors.referral} />
    </View>
  )
}
