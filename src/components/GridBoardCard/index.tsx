import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import type { BoardView } from '../../contracts/api'
import { gridShapeImage } from '../../utils/grid/shape'
import { dialable, groupTeam } from '../../utils/grid/team'
import './index.css'

const TIER_TEXT = { '1': '1', '5': '5', N: 'N' } as const

/**
 * 网格信息公示牌: what the street board by the estate gate shows, read-only. Shared with the staff
 * pages, which put their edit controls around it. `afterHead` goes right under the name and shape,
 * where a resident looks first (the join / QR block), before the long team list.
 */
export default function GridBoardCard({ board, afterHead }: { board: BoardView; afterHead?: ReactNode }) {
  const groups = useMemo(() => groupTeam(board.team), [board.team])
  const shape = useMemo(() => gridShapeImage(board.polygon), [board.polygon])

  const call = (phone: string | null) => {
    const n = dialable(phone)
    // Cancelling the dialer rejects; nothing to tell the user.
    if (n) void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)
  }

  return (
    <View className='jf-grid-board' id='jf-grid-board' data-code={board.grid.code}>
      <View className='jf-card jf-grid-head'>
        <Text className='jf-grid-board-caption'>网格信息公示牌</Text>
        <Text className='jf-grid-name' id='jf-grid-name'>
          {board.grid.name}
        </Text>
        <Text className='jf-grid-path' id='jf-grid-path'>
          {board.grid.path}
        </Text>
        <Text className='jf-grid-code' id='jf-grid-code'>
          网格编码 {board.grid.code}
        </Text>
        {shape && (
          <View className='jf-grid-shape' id='jf-grid-shape'>
            <Image className='jf-grid-shape-img' src={shape.uri} mode='aspectFit' />
          </View>
        )}
        <View className='jf-grid-facts'>
          <View className='jf-grid-fact'>
            <Text className='jf-grid-fact-num' id='jf-grid-households'>
              {board.households}
            </Text>
            <Text className='jf-grid-fact-key'>户</Text>
          </View>
          <View className='jf-grid-fact'>
            <Text className='jf-grid-fact-num' id='jf-grid-members'>
              {board.members}
            </Text>
            <Text className='jf-grid-fact-key'>人已入群</Text>
          </View>
          <View className='jf-grid-fact'>
            <Text className='jf-grid-fact-num'>{board.team.length}</Text>
            <Text className='jf-grid-fact-key'>名服务人员</Text>
          </View>
        </View>
      </View>

      {afterHead}

      <View className='jf-card'>
        <Text className='jf-section-title'>网格范围</Text>
        <Text className='jf-grid-para' id='jf-grid-scope'>
          {board.scope || '暂未公布'}
        </Text>
      </View>

      <View className='jf-card' id='jf-grid-team'>
        <Text className='jf-section-title'>网格服务团队 “1+1+5+N”</Text>
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
                    <Text className='jf-grid-phone' data-phone={n} onClick={() => call(m.phone)}>
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

      <View className='jf-card'>
        <Text className='jf-section-title'>服务事项</Text>
        <View className='jf-grid-services' id='jf-grid-services'>
          {board.services.length ? (
            board.services.map((s) => (
              <Text key={s} className='jf-grid-service'>
                {s}
              </Text>
            ))
          ) : (
            <Text className='jf-muted'>暂未公布</Text>
          )}
        </View>
        <Text className='jf-section-title'>服务时间</Text>
        <Text className='jf-grid-para' id='jf-grid-hours'>
          {board.officeHours || '暂未公布'}
        </Text>
        {board.grid.phone && (
          <View className='jf-grid-hotline'>
            <Text className='jf-muted'>网格服务电话</Text>
            <Text className='jf-grid-phone' id='jf-grid-hotline' data-phone={dialable(board.grid.phone) ?? ''} onClick={() => call(board.grid.phone)}>
              {board.grid.phone}
            </Text>
          </View>
        )}
      </View>
    </View>
  )
}
