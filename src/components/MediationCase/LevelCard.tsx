import { Text, View } from '@tarojs/components'
import type { MediationView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { a11y } from '../../utils/a11y'
import './level.css'

/**
 * 小事不出村、大事不出镇: the level of the committee that holds the case and, once passed up, each
 * step with its reason (everyone on the case reads why a higher committee took it over).
 */
export default function LevelCard({ c }: { c: MediationView }) {
  const levels = c.levels
  if (!levels || !c.committee) return null
  return (
    <View className='jf-card jf-med-level-card' id='jf-med-level' data-level={levels.level} data-passed-up={levels.passUps.length}>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>调解层级</Text>
      <View className='jf-med-body jf-col'>
        <Text className='jf-med-level-now'>
          {levels.levelLabel}调解 · {c.committee.name}
        </Text>
        {levels.passUps.map((x, i) => (
          <View key={i} className='jf-med-level-step jf-col' data-step={i + 1}>
            <Text className='jf-med-level-route'>
              {x.fromName} → {x.toName}（上交{x.toLevelLabel}）
            </Text>
            <Text className='jf-muted'>{formatFull(x.at)}</Text>
            <Text className='jf-med-para jf-prose'>上交原因：{x.reason}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
