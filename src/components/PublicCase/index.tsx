import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PublicCaseView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import CaseHead from '../CaseHead'
import { PUBLIC_VIEW_NOTE, publicDescription, updatesTitle } from './logic'
import { a11y } from '../../utils/a11y'
import './index.css'

/**
 * Someone else's report as a follower or neighbour sees it: category, status, published content and
 * public updates only. `children` goes under the privacy line (follow button or banner).
 */
export default function PublicCase({ c, children }: { c: PublicCaseView; children?: ReactNode }) {
  const desc = publicDescription(c)
  return (
    <View className='jf-page jf-public-case' id='jf-public-case' data-case-id={c.id} data-status={c.status}>
      <View className='jf-public-note' id='jf-public-note'>
        <Text>{PUBLIC_VIEW_NOTE}</Text>
      </View>
      {children}

      <CaseHead
        className='jf-public-head'
        c={c}
        description={desc.text}
        descriptionProps={{ id: 'jf-public-description', className: desc.published ? '' : 'is-pending', 'data-published': desc.published ? '1' : '0' }}
        photosId='jf-public-photos'
      />

      <View className='jf-card'>
        <CellGroup divider>
          <Cell title='上报时间' extra={formatFull(c.createdAt)} />
          <Cell title='问题位置' extra={<Text id='jf-public-location'>附近约 50 米范围，不显示详细地址</Text>} />
        </CellGroup>
      </View>

      <View className='jf-card jf-public-updates-card'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>{updatesTitle(c.updates.length)}</Text>
        <View id='jf-public-updates' data-count={c.updates.length}>
          {c.updates.length === 0 && <Text className='jf-muted jf-public-empty'>暂无公开进展，办理人员发布后会显示在这里</Text>}
          {c.updates.map((u) => (
            <View key={u.id} className='jf-public-update' data-id={u.id}>
              <View className='jf-public-update-head'>
                <Text className='jf-public-update-status'>{u.statusLabel}</Text>
                <Text className='jf-muted jf-public-update-time'>{formatFull(u.at)}</Text>
              </View>
              {u.note && <Text className='jf-public-update-note'>{u.note}</Text>}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
