/** Event the H5 point picker fires on Taro.eventCenter when the user confirms a point. */
export const PICKED_POINT = 'jf:report:picked-point'

export interface PickedPoint {
  lng: number
  lat: number
  gridName: string | null
  gridPath: string | null
}
