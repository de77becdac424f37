import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState, type MouseEvent } from 'react'
import { api } from '../../../api'
import type { GridShape } from '../../../contracts/api'
import type { GeoPoint } from '../../../core/geo'
import { fitProjection, inPolygon } from '../../../utils/geo-fit'
import { fromMapPoint, type MapPoint } from '../../../utils/map/wxMap'
import { PICKED_POINT, type PickedPoint } from '../../../utils/pick-channel'

const WIDTH = 360

/**
 * Mini-program: where the person is, only when location is already allowed (the picker must not
 * open with a permission prompt); it centres the map and asks for the grids around it.
 */
async function knownPosition(): Promise<GeoPoint | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const s = await Taro.getSetting()
    if (!s.authSetting['scope.userLocation']) return null
    const pos = await Taro.getLocation({ type: 'wgs84' })
    return { lng: pos.longitude, lat: pos.latitude }
  } catch {
    return null
  }
}

/** The grids around the user, the pin the user drops on them and the grid under it; 确定 hands the point back. */
export function usePickPoint() {
  const [grids, setGrids] = useState<GridShape[] | null>(null)
  const [error, setError] = useState('')
  const [near, setNear] = useState<GeoPoint | null>(null)
  const [pin, setPin] = useState<[number, number] | null>(null)
  // Only a place found by 搜索地点 has an address; a tapped point leaves it to the form.
  const [address, setAddress] = useState('')

  const load = async () => {
    setError('')
    const at = await knownPosition()
    setNear(at)
    const r = await api.call('reports.gridMap', at ?? {})
    if (r.ok) setGrids(r.grids)
    else setError(r.message)
  }

  useEffect(() => {
    void load()
  }, [])

  const proj = useMemo(() => fitProjection((grids ?? []).flatMap((g) => g.polygon), WIDTH), [grids])
  const hit = pin ? (grids?.find((g) => inPolygon(pin, g.polygon)) ?? null) : null

  const tap = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    const x = ((e.clientX - box.left) / box.width) * proj.width
    const y = ((e.clientY - box.top) / box.height) * proj.height
    setPin(proj.toLngLat(x, y))
    setAddress('')
  }

  /** A tap on WeChat's map (GCJ-02). */
  const dropAt = (p: MapPoint) => {
    const w = fromMapPoint(p)
    setPin([w.lng, w.lat])
    setAddress('')
  }

  /** WeChat's place search (wx.chooseLocation, GCJ-02); closing it changes nothing. */
  const search = async () => {
    try {
      const c = await Taro.chooseLocation({})
      const w = fromMapPoint({ latitude: c.latitude, longitude: c.longitude })
      setPin([w.lng, w.lat])
      setAddress([c.address, c.name].filter(Boolean).join(' '))
    } catch {
      // The user closed the search.
    }
  }

  const confirm = () => {
    if (!pin) return
    const picked: PickedPoint = { lng: pin[0], lat: pin[1], gridName: hit?.name ?? null, gridPath: hit?.path ?? null, address: address || undefined }
    Taro.eventCenter.trigger(PICKED_POINT, picked)
    void Taro.navigateBack()
  }

  return { grids, error, load, near, proj, pin, hit, address, tap, dropAt, search, confirm }
}
