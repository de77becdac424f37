import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface Stat {
  caption: string
  value: ReactNode
  /** The number's element id (tests read it). */
  id?: string
  /** `alert`: waits on someone (orange); `emergency`: an emergency notice's figure (red). */
  tone?: 'alert' | 'emergency'
  data?: Record<`data-${string}`, string | number>
}

/** A row of big figures with their captions on one card (网格服务群 totals, read receipts). */
export default function GridWorkStats({ id, className, stats }: { id?: string; className: string; stats: Stat[] }) {
  return (
    <View className={`jf-card jf-gw-stats ${className}`} id={id}>
      {stats.map((s) => (
        <View key={s.caption} className={s.tone ? `jf-gw-stat is-${s.tone}` : 'jf-gw-stat'}>
          <Text className='jf-gw-stat-num' id={s.id} {...s.data}>
            {s.value}
          </Text>
          <Text className='jf-gw-stat-cap'>{s.caption}</Text>
        </View>
      ))}
    </View>
  )
}
