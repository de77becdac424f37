import { Text, View } from '@tarojs/components'
import { a11y } from '../../../utils/a11y'
import type { MediationApplyState } from './useMediationApply'

export type Way = { code: 'online' | 'in_person'; title: string; text: string }

/** 希望的调解方式, one of `ways` (the agent's form words 线上调解 for a person who has no phone yet). */
export default function WaysCard({ s, ways }: { s: MediationApplyState; ways: readonly Way[] }) {
  const { draft, set } = s
  return (
    <View className='jf-card'>
      <Text className='jf-section-title jf-required'>希望的调解方式</Text>
      <View className='jf-med-ways' id='jf-med-way' {...a11y('radiogroup', { label: '希望的调解方式' })}>
        {ways.map((w) => (
          <View key={w.code} className={`jf-med-way jf-med-option jf-col ${draft.preferredWay === w.code ? 'is-active' : ''}`} data-way={w.code} {...a11y('radio', { checked: draft.preferredWay === w.code })} onClick={() => set('preferredWay', w.code)}>
            <Text className='jf-med-way-title'>{w.title}</Text>
            <Text className='jf-med-way-text'>{w.text}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
