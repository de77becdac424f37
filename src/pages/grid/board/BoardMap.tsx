import { Button } from '@nutui/nutui-react-taro'
import { Map, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { gridOverlay, selfMarker, toMapPoint } from '../../../utils/map/wxMap'
import { useMyPosition } from './useMyPosition'

/**
 * Mini-program only (Taro's <Map> does not run on H5, which keeps the outline image): the grid on
 * WeChat's map, and where the person stands against it.
 */
export default function BoardMap({ polygon }: { polygon: number[][][] }) {
  const overlay = useMemo(() => gridOverlay(polygon), [polygon])
  const me = useMyPosition(polygon)
  const [failed, setFailed] = useState(false)
  if (!overlay.polygons.length) return null
  const mine = me.point ? toMapPoint(me.point) : null
  const include = mine ? [...overlay.includePoints, mine] : overlay.includePoints
  const centre = overlay.includePoints[0]!
  return (
    <View className='jf-gboard-map' id='jf-grid-map' data-where={me.where}>
      <Map
        id='jf-grid-map-view'
        className='jf-gboard-map-view'
        latitude={centre.latitude}
        longitude={centre.longitude}
        scale={16}
        polygons={overlay.polygons}
        polyline={overlay.polylines}
        markers={me.point ? [selfMarker(me.point)] : []}
        includePoints={include}
        enableRotate={false}
        onError={() => setFailed(true)}
      />
      {failed && <Text className='jf-map-failed'>地图加载失败，请检查网络后重新打开本页</Text>}
      <View className='jf-gboard-map-foot'>
        <Text className='jf-gboard-map-where' id='jf-grid-map-where'>
          {me.text || '红色区域为本网格范围'}
        </Text>
        <Button id='jf-grid-locate-me' size='small' fill='outline' loading={me.where === 'locating'} onClick={() => void me.locate()}>
          {me.point ? '刷新位置' : '显示我的位置'}
        </Button>
      </View>
    </View>
  )
}
