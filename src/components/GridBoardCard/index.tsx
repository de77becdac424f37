import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import type { BoardView } from '../../contracts/api'
import { gridShapeImage } from '../../utils/grid/shape'
import { dialable } from '../../utils/grid/team'
import TeamCard from './TeamCard'
import { a11y } from '../../utils/a11y'
import './index.css'

/**
 * 网格信息公示牌: what the street board by the estate gate shows, read-only. Shared with the staff
 * pages, which put their edit controls around it. `afterHead` goes right under the name and shape,
 * where a resident looks first (the join / QR block), before the long team list. `shapeView`
 * replaces the outline image (the mini-program's board puts WeChat's map there).
 */
export default function GridBoardCard({ board, afterHead, shapeView }: { board: BoardView; afterHead?: ReactNode; shapeView?: ReactNode }) {
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
        {shapeView ??
          (shape && (
            <View className='jf-grid-shape' id='jf-grid-shape'>
              <Image className='jf-grid-shape-img' src={shape.uri} mode='aspectFit' {...a11y('img', { label: `${board.grid.name}范围示意图` })} />
            </View>
          ))}
        <View className='jf-grid-facts'>
          {(
            [
              [board.households, '户', 'jf-grid-households'],
              [board.members, '人已入群', 'jf-grid-members'],
              [board.team.length, '名服务人员', undefined],
            ] as const
          ).map(([num, key, id]) => (
            <View key={key} className='jf-grid-fact'>
              <Text className='jf-grid-fact-num' id={id}>
                {num}
              </Text>
              <Text className='jf-grid-fact-key'>{key}</Text>
            </View>
          ))}
        </View>
      </View>

      {afterHead}

      <View className='jf-card'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>网格范围</Text>
        <Text className='jf-grid-para' id='jf-grid-scope'>
          {board.scope || '暂未公布'}
        </Text>
      </View>

      <TeamCard team={board.team} call={call} />

      <View className='jf-card'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>服务事项</Text>
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
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>服务时间</Text>
        <Text className='jf-grid-para' id='jf-grid-hours'>
          {board.officeHours || '暂未公布'}
        </Text>
        {board.grid.phone && (
          <View className='jf-grid-hotline'>
            <Text className='jf-muted'>网格服务电话</Text>
            <Text className='jf-grid-phone' id='jf-grid-hotline' data-phone={dialable(board.grid.phone) ?? ''} {...a11y('button', { label: `拨打网格服务电话 ${board.grid.phone}` })} onClick={() => call(board.grid.phone)}>
              {board.grid.phone}
            </Text>
          </View>
        )}
      </View>
    </View>
  )
}
