/** Event the point picker (pages/report/pick) fires on Taro.eventCenter when the user confirms a point. */
export const PICKED_POINT = 'jf:report:picked-point'

export interface PickedPoint {
  lng: number
  lat: number
  gridName: string | null
  gridPath: string | null
  /** A place found by name (WeChat's place search) comes with its address. */
  address?: string
}
