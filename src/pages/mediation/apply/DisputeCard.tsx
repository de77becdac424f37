import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import Chips from '../../../components/MediationKit/Chips'
import CommunityPick from './CommunityPick'
import type { MediationApplyState } from './useMediationApply'

/** 纠纷类型, 受理街道 and the community under it: where the application goes (the person's form and the agent's). */
export default function DisputeCard({ s }: { s: MediationApplyState }) {
  const { draft, options, errors, set } = s
  if (!options) return null
  const streets = options.streets.map((x) => ({ code: x.code, label: x.name }))
  return (
    <View className='jf-card'>
      <Text className='jf-section-title jf-required'>纠纷类型</Text>
      <Chips id='jf-med-types' className='jf-med-apply-chips' chipClass='jf-med-type-chip' items={options.disputeTypes} value={draft.disputeType} onPick={(v) => set('disputeType', v)} />
      <FieldError field='disputeType' message={errors.disputeType} />
      <Text className='jf-section-title jf-required'>受理街道</Text>
      <Chips id='jf-med-streets' className='jf-med-apply-chips' chipClass='jf-med-street-chip' items={streets} value={draft.streetCode} onPick={(v) => (set('streetCode', v), set('communityCode', ''))} />
      <FieldError field='streetCode' message={errors.streetCode} />
      <CommunityPick communities={options.communities ?? []} streetCode={draft.streetCode} value={draft.communityCode ?? ''} onPick={(v) => set('communityCode', v)} error={errors.communityCode} />
    </View>
  )
}
