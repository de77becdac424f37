import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import PhotoGrid from '../../../components/PhotoGrid'
import { distanceText, PUBLIC_VIEW_NOTE, publicDescription } from '../../../components/PublicCase/logic'
import StatusTag from '../../../components/StatusTag'
import type { PublicCaseView } from '../../../contracts/api'
import type { GeoPoint } from '../../../core/geo'
import { formatInstant } from '../../../core/time'

const detailUrl = (id: string, from: string) => `/pages/report/detail/index?id=${encodeURIComponent(id)}&from=${from}`

/**
 * Open cases of the same kind close by, as their public cards (no reporter, no address, only what
 * staff published): following one gets the resident the same updates without a second case for the
 * grid worker. Only a suggestion; the form below still submits.
 */
export default function DuplicateCard({ cases, from }: { cases: PublicCaseView[]; from: GeoPoint | null }) {
  const [busy, setBusy] = useState('')
  if (!cases.length) return null

  const follow = async (id: string) => {
    if (busy) return
    setBusy(id)
    const r = await api.call('reports.follow', { id })
    setBusy('')
    if (!r.ok) {
      void Taro.showToast({ title: r.message, icon: 'none' })
      return
    }
    void Taro.showToast({ title: '已关注', icon: 'success', duration: 1000 })
    void Taro.navigateTo({ url: detailUrl(id, 'follow') })
  }

  return (
    <View className='jf-card jf-duplicates' id='jf-duplicates'>
      <View className='jf-duplicates-head'>
        <Text className='jf-duplicates-title'>附近已有相似问题</Text>
        <Text className='jf-muted jf-duplicates-sub'>
          以下事项与您要上报的问题相近，关注后可随时查看进展；如不是同一问题，请继续提交。{PUBLIC_VIEW_NOTE}。
        </Text>
      </View>
      {cases.map((c) => {
        const desc = publicDescription(c)
        const meta = [c.categoryName, distanceText(from, c.location), formatInstant(c.createdAt)].filter(Boolean).join(' · ')
        return (
          <View key={c.id} className='jf-duplicate' data-case-id={c.id} data-status={c.status} data-photos={c.photos.length}>
            <View className='jf-duplicate-head'>
              <Text className={`jf-duplicate-title ${desc.published ? '' : 'is-pending'}`}>{desc.text}</Text>
              <StatusTag status={c.status} label={c.statusLabel} />
            </View>
            <Text className='jf-muted jf-duplicate-meta'>{meta}</Text>
            <PhotoGrid photos={c.photos} className='jf-duplicate-photos' />
            <View className='jf-duplicate-actions'>
              <Button className='jf-duplicate-view' size='small' fill='none' onClick={() => void Taro.navigateTo({ url: detailUrl(c.id, 'duplicate') })}>
                查看
              </Button>
              <Button
                className='jf-duplicate-follow'
                size='small'
                type='primary'
                fill='outline'
                loading={busy === c.id}
                onClick={() => void follow(c.id)}
              >
                关注此事项
              </Button>
            </View>
          </View>
        )
      })}
    </View>
  )
}
