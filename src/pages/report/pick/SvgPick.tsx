import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import LoadState from '../../../components/LoadState'
import { centroid } from '../../../utils/geo-fit'
import { usePickPoint } from './usePickPoint'

/**
 * H5 (Taro's <Map> does not run there): the grids around the user drawn as a plain SVG, with no map
 * tiles or map SDK. Tapping drops a pin; the grid under the pin is named before confirming.
 */
export default function SvgPick() {
  const { grids, error, load, proj, pin, hit, tap, confirm } = usePickPoint()
  if (!grids) return <LoadState error={error} errorId='jf-pick-error' loadingText='正在加载网格地图…' onRetry={() => void load()} />

  const pinXY = pin ? proj.toXY(pin) : null
  return (
    <View className='jf-page jf-pick'>
      <Text className='jf-pick-hint'>点击地图标出问题位置</Text>
      <View className='jf-pick-map'>
        <svg
          id='jf-pick-map'
          viewBox={`0 0 ${proj.width} ${proj.height}`}
          width='100%'
          preserveAspectRatio='xMidYMid meet'
          onClick={tap}
        >
          {grids.map((g) => (
            <g key={g.code} className={`jf-pick-grid ${hit?.code === g.code ? 'is-hit' : ''}`} data-code={g.code}>
              {g.polygon.map((ring, i) => (
                <polygon key={i} points={ring.map((p) => proj.toXY(p).join(',')).join(' ')} />
              ))}
              {g.polygon[0] && (
                <text x={proj.toXY(centroid(g.polygon[0]))[0]} y={proj.toXY(centroid(g.polygon[0]))[1]} textAnchor='middle'>
                  {g.name}
                </text>
              )}
            </g>
          ))}
          {pinXY && (
            <g className='jf-pick-pin'>
              <circle cx={pinXY[0]} cy={pinXY[1]} r={9} />
              <circle cx={pinXY[0]} cy={pinXY[1]} r={3} className='jf-pick-pin-core' />
            </g>
          )}
        </svg>
      </View>
      <View className='jf-card jf-pick-result' id='jf-pick-result'>
        {!pin && <Text className='jf-muted'>尚未选点</Text>}
        {pin && hit && (
          <>
            <Text className='jf-pick-grid-name'>{hit.name}</Text>
            <Text className='jf-muted'>{hit.path}</Text>
          </>
        )}
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
