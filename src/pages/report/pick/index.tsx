import MapPick from './MapPick'
import SvgPick from './SvgPick'
import './index.css'

/** 在地图上选点: WeChat's map in the mini-program, our own SVG of the grids on H5. */
export default function PickPoint() {
  return process.env.TARO_ENV === 'weapp' ? <MapPick /> : <SvgPick />
}
