import { Button } from '@nutui/nutui-react-taro'
import { Map, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import LoadState from '../../../components/LoadState'
import { gridOverlay, ICONS, toMapPoint, type MapPoint } from '../../../utils/map/wxMap'
import { usePickPoint } from './usePickPoint'

const HIT_STYLE = { stroke: '#FA2C19', fill: '#FA2C1929', hole: '#86909C', width: 2 }
const GRID_STYLE = { stroke: '#409EFF', fill: '#409EFF14', hole: '#86909C', width: 1 }

/**
 * Mini-program: WeChat's map with the grids drawn on it. A tap drops the pin; 搜索地点 finds a
 * place by name (wx.chooseLocation) and keeps its address. The grid under the pin is named before
 * confirming, so the resident sees who will receive the report.
 */
export default function MapPick() {
  const { grids, error, load, near, pin, hit, address, dropAt, search, confirm } = usePickPoint()
  const [failed, setFailed] = useState(false)
  const overlays = useMemo(() => (grids ?? []).map((g) => ({ code: g.code, base: gridOverlay(g.polygon, GRID_STYLE), hit: gridOverlay(g.polygon, HIT_STYLE) })), [grids])
  if (!grids) return <LoadState error={error} errorId='jf-pick-error' loadingText='正在加载网格地图…' onRetry={() => void load()} />

  const drawn = overlays.map((o) => (o.code === hit?.code ? o.hit : o.base))
  const start: MapPoint | undefined = pin ? toMapPoint(pin) : near ? toMapPoint(near) : overlays[0]?.base.includePoints[0]
  const onTap = (e: { detail: Partial<MapPoint> }) => {
    const { latitude, longitude } = e.detail
    if (Number.isFinite(latitude) && Number.isFinite(longitude)) dropAt({ latitude: latitude!, longitude: longitude! })
  }
  return (
    <View className='jf-page jf-pick'>
      <Text className='jf-pick-hint'>点击地图标出问题位置，或搜索地点</Text>
      <View className='jf-pick-map'>
        <Map
          id='jf-pick-map'
          className='jf-pick-map-view'
          latitude={start?.latitude ?? 0}
          longitude={start?.longitude ?? 0}
          scale={16}
          showLocation={near !== null}
          polygons={drawn.flatMap((d) => d.polygons)}
          polyline={drawn.flatMap((d) => d.polylines)}
          markers={pin ? [{ id: 1, ...toMapPoint(pin), iconPath: ICONS.case, width: 28, height: 34 }] : []}
          includePoints={!pin && !near ? overlays[0]?.base.includePoints ?? [] : []}
          onTap={onTap as never}
          onError={() => setFailed(true)}
        />
      </View>
      {failed && <Text className='jf-map-failed'>地图加载失败，可以用“搜索地点”找到位置</Text>}
      <View className='jf-pick-search'>
        <Button id='jf-pick-search' size='small' fill='outline' onClick={() => void search()}>
          搜索地点
        </Button>
      </View>
      <View className='jf-card jf-pick-result' id='jf-pick-result'>
        {!pin && <Text className='jf-muted'>尚未选点</Text>}
        {pin && hit && (
          <>
            <Text className='jf-pick-grid-name'>{hit.name}</Text>
            <Text className='jf-muted'>{hit.path}</Text>
          </>
        )}
        {pin && address && <Text className='jf-muted jf-pick-address'>{address}</Text>}
        {pin && !hit && <Text className='jf-pick-outside'>该位置不在服务网格内，请在网格范围内选点</Text>}
      </View>
      <View className='jf-submit-bar'>
        <Button id='jf-pick-confirm' type='primary' block size='large' disabled={!pin || !hit} aria-disabled={!pin || !hit ? 'true' : 'false'} onClick={confirm}>
          确定
        </Button>
      </View>
    </View>
  )
}
