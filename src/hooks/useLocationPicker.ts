import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import type { GridView } from '../contracts/api'
import { gcj02ToWgs84 } from '../core/geo'
import { PICKED_POINT, type PickedPoint } from '../utils/pick-channel'

export interface PickedLocation {
  point: { lng: number; lat: number }
  grid: Pick<GridView, 'name' | 'path'> | null
  /** Filled when the platform knows an address for the point (wx.chooseLocation). */
  address?: string
}

/**
 * The two ways to say where the problem is: the device's position, or a point on a map
 * (wx.chooseLocation in the mini-program, our own grid map page on H5). Either way the grid is
 * shown so the resident sees who will receive the report.
 */
export function useLocationPicker(onPicked: (loc: PickedLocation) => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const locate = useCallback(async (lng: number, lat: number) => {
    const r = await api.call('reports.locate', { lng, lat })
    if (r.ok) return { grid: r.grid, error: '' }
    return { grid: null, error: r.message }
  }, [])

  const fromDevice = useCallback(async () => {
    setBusy(true)
    setError('')
    try {
      // Points are stored in WGS-84, the system of the grid polygons.
      const pos = await Taro.getLocation({ type: 'wgs84' })
      const point = { lng: pos.longitude, lat: pos.latitude }
      const r = await locate(point.lng, point.lat)
      setError(r.error)
      onPicked({ point, grid: r.grid })
    } catch {
      setError('无法获取当前位置，请检查定位权限，或在地图上选点')
    } finally {
      setBusy(false)
    }
  }, [locate, onPicked])

  const fromMap = useCallback(async () => {
    setError('')
    if (process.env.TARO_ENV !== 'weapp') {
      void Taro.navigateTo({ url: '/pages/report/pick/index' })
      return
    }
    try {
      const c = await Taro.chooseLocation({})
      // chooseLocation answers in GCJ-02, the offset system of WeChat's map.
      const point = gcj02ToWgs84({ lng: c.longitude, lat: c.latitude })
      setBusy(true)
      const r = await locate(point.lng, point.lat)
      setError(r.error)
      onPicked({ point, grid: r.grid, address: [c.address, c.name].filter(Boolean).join(' ') })
    } catch {
      // The user closed the map.
    } finally {
      setBusy(false)
    }
  }, [locate, onPicked])

  // H5: the picker page fires this when the user confirms a point.
  useEffect(() => {
    const handler = (p: PickedPoint) => {
      setError(p.gridName ? '' : '该位置不在服务网格内，请重新选点')
      onPicked({ point: { lng: p.lng, lat: p.lat }, grid: p.gridName ? { name: p.gridName, path: p.gridPath ?? '' } : null })
    }
    Taro.eventCenter.on(PICKED_POINT, handler)
    return () => {
      Taro.eventCenter.off(PICKED_POINT, handler)
    }
  }, [onPicked])

  return { busy, error, fromDevice, fromMap }
}
