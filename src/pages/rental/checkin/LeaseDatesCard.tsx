import { Picker, Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import type { CheckinState } from './useCheckin'

/** 入住日期 and 预计租约到期 (not before moving in); ids under `idPrefix` (the tenant's form or the agent's 代办 form). */
export default function LeaseDatesCard({ s, idPrefix }: { s: Pick<CheckinState, 'draft' | 'errors' | 'set'>; idPrefix: string }) {
  const { draft, errors, set } = s
  return (
    <View className='jf-card'>
      <Text className='jf-section-title jf-required'>入住日期</Text>
      <Picker mode='date' value={draft.moveInDate} onChange={(e) => set('moveInDate', String(e.detail.value))}>
        <View className='jf-rental-picker' id={`${idPrefix}-movein`}>
          <Text>{draft.moveInDate}</Text>
        </View>
      </Picker>
      <FieldError field='moveInDate' message={errors.moveInDate} />
      <Text className='jf-section-title jf-required'>预计租约到期</Text>
      <Picker mode='date' value={draft.leaseEnd} start={draft.moveInDate} onChange={(e) => set('leaseEnd', String(e.detail.value))}>
        <View className='jf-rental-picker' id={`${idPrefix}-lease`}>
          <Text>{draft.leaseEnd}</Text>
        </View>
      </Picker>
      <FieldError field='leaseEnd' message={errors.leaseEnd} />
    </View>
  )
}
