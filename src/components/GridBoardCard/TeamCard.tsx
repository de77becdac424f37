import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import type { BoardView } from '../../contracts/api'
import { dialable, groupTeam } from '../../utils/grid/team'
import { a11y } from '../../utils/a11y'

const TIER_TEXT = { '1': '1', '5': '5', N: 'N' } as const

/** 网格服务团队 “1+1+5+N”: the team by role, each public phone a tap to call. */
export default function TeamCard({ team, call }: { team: BoardView['team']; call: (phone: string | null) => void }) {
  const groups = useMemo(() => groupTeam(team), [team])
  return (
    <View className='jf-card' id='jf-grid-team'>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>网格服务团队 “1+1+5+N”</Text>
      {!groups.length && <Text className='jf-grid-para jf-muted'>暂未公布</Text>}
      {groups.map((g) => (
        <View key={g.role} className='jf-grid-team-group' data-role={g.role} data-tier={g.tier}>
          <View className='jf-grid-team-role'>
            <Text className='jf-grid-tier'>{TIER_TEXT[g.tier]}</Text>
            <Text>{g.label}</Text>
          </View>
          {g.members.map((m, i) => {
            const n = dialable(m.phone)
            return (
              <View key={`${m.name}-${i}`} className='jf-grid-member' data-role={m.role}>
                <Text className='jf-grid-member-name'>{m.name}</Text>
                {n ? (
                  <Text className='jf-grid-phone' data-phone={n} {...a11y('button', { label: `拨打${m.name}的电话 ${m.phone}` })} onClick={() => call(m.phone)}>
                    {m.phone}
                  </Text>
                ) : (
                  <Text className='jf-muted'>未公开电话</Text>
                )}
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
