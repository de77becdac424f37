import { Button } from '@nutui/nutui-react-taro'
import { Map, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { StaffCaseSummary } from '../../../contracts/api'
import { casePins, navigationTo } from '../../../utils/map/wxMap'

/**
 * Mini-program only: the cases of the current tab (as far as loaded) as pins on WeChat's map. A pin
 * shows its case under the map, with 查看 and 导航 (WeChat's own map page, wx.openLocation).
 */
export default function QueueMap({ cases, more, onOpen }: { cases: StaffCaseSummary[]; more: boolean; onOpen: (id: string) => void }) {
  const pins = useMemo(() => casePins(cases), [cases])
  const [picked, setPicked] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const current = pins.cases.find((c) => c.id === picked) ?? null
  const first = pins.markers[0]

  const navigate = (id: string) => {
    const c = pins.cases.find((x) => x.id === id)
    const to = c && navigationTo(c)
    if (to) void Taro.openLocation(to).catch(() => undefined)
  }

  if (!first) return <View className='jf-queue-map-empty' id='jf-queue-map-empty'>{cases.length ? '这些事项没有可显示的位置' : '暂无事项'}</View>
  return (
    <View className='jf-queue-map' id='jf-queue-map' data-pins={pins.markers.length}>
      <Map
        id='jf-queue-map-view'
        className='jf-queue-map-view'
        latitude={first.latitude}
        longitude={first.longitude}
        scale={15}
        markers={pins.markers}
        includePoints={pins.includePoints}
        enableRotate={false}
        onMarkerTap={(e) => setPicked(pins.cases[Number(e.detail.markerId) - 1]?.id ?? null)}
        onCalloutTap={(e) => setPicked(pins.cases[Number(e.detail.markerId) - 1]?.id ?? null)}
        onError={() => setFailed(true)}
      />
      {failed && <Text className='jf-map-failed'>地图加载失败，请检查网络后重新打开本页</Text>}
      {pins.unplaced > 0 && <Text className='jf-queue-map-note jf-muted'>另有 {pins.unplaced} 件没有位置，请在列表中查看</Text>}
      {!current && (
        <Text className='jf-queue-map-note jf-muted'>
          点地图上的标记查看事项，{more ? `已显示最紧急的 ${pins.markers.length} 件，更多请在列表中加载` : `共 ${pins.markers.length} 件`}
        </Text>
      )}
      {current && (
        <View className='jf-card jf-queue-map-case' id='jf-queue-map-case' data-id={current.id}>
          <Text className='jf-queue-map-title'>{current.title}</Text>
          <Text className={current.overdue ? 'jf-queue-map-status is-overdue' : 'jf-queue-map-status'}>{current.overdue ? '已超时' : current.statusLabel}</Text>
          <Text className='jf-muted jf-queue-map-address'>{current.location?.address}</Text>
          <View className='jf-queue-map-acts'>
            <Button id='jf-queue-map-open' size='small' fill='outline' onClick={() => onOpen(current.id)}>
              查看
            </Button>
            <Button id='jf-queue-map-nav' size='small' type='primary' onClick={() => navigate(current.id)}>
              导航
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
