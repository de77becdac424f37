import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CaseNumber from '../../../../components/CaseNumber'
import type { ReferredCaseView } from '../../../../contracts/rental'
import { formatInstant } from '../../../../core/time'
import { a11y } from '../../../../utils/a11y'

export const MEDIATION_URL = '/pages/mediation/detail/index'

/** Mediation cases the mediators referred to this police station (警调对接); opening one is audited. */
export default function ReferredCard({ referred }: { referred: ReferredCaseView[] }) {
  return (
    <View className='jf-card' id='jf-police-referred' data-count={referred.length}>
      <Text className='jf-section-title'>警调对接案件（{referred.length}）</Text>
      <Text className='jf-rental-row-sub jf-muted jf-police-section-hint'>调解员转交派出所的案件；查看详情将记入审计。</Text>
      {referred.map((c) => (
        <View key={c.id} className='jf-rental-row jf-police-referred-case' data-id={c.id} {...a11y('link')} onClick={() => void Taro.navigateTo({ url: `${MEDIATION_URL}?id=${encodeURIComponent(c.id)}` })}>
          <View className='jf-rental-row-top'>
            <Text className='jf-rental-row-title'>
              {c.disputeTypeLabel} · {c.unitName}
            </Text>
            <Text className='jf-rental-flag is-warn'>{c.statusLabel}</Text>
          </View>
          <CaseNumber value={c.number} label='案件编号' />
          <Text className='jf-rental-row-sub'>转交说明：{c.referralNote}</Text>
          <Text className='jf-rental-row-sub jf-muted'>{formatInstant(c.updatedAt)}转交</Text>
        </View>
      ))}
    </View>
  )
}
