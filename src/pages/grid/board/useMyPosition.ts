import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { distanceMetres, type GeoPoint } from '../../../core/geo'
import { centroid, inPolygon } from '../../../utils/geo-fit'
import { whereText, type Where } from '../../../utils/map/position'

/**
 * The person's own position against the grid (WGS-84, like the polygon). Asked for only at a tap,
 * or at once when location is already allowed, so a board opened from a QR never starts with a
 * permission prompt.
 */
export function useMyPosition(polygon: number[][][]) {
  const [point, setPoint] = useState<GeoPoint | null>(null)
  const [where, setWhere] = useState<Where>('unknown')
  const [away, setAway] = useState<number | null>(null)

  const locate = useCallback(async () => {
    setWhere('locating')
    try {
      const pos = await Taro.getLocation({ type: 'wgs84' })
      const p = { lng: pos.longitude, lat: pos.latitude }
      setPoint(p)
      const inside = inPolygon([p.lng, p.lat], polygon)
      setWhere(inside ? 'inside' : 'outside')
      const ring = polygon[0]
      setAway(!inside && ring?.length ? distanceMetres(p, { lng: centroid(ring)[0], lat: centroid(ring)[1] }) : null)
    } catch {
      setWhere('failed')
    }
  }, [polygon])

  useEffect(() => {
    Taro.getSetting()
      .then((s) => (s.authSetting['scope.userLocation'] ? locate() : undefined))
      .catch(() => undefined)
  }, [locate])

  return { point, where, text: whereText(where, away), locate }
}
