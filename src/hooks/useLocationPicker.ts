import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import type { GridView } from '../contracts/api'
import { PICKED_POINT, type PickedPoint } from '../utils/pick-channel'

export interface PickedLocation {
  point: { lng: number; lat: number }
  grid: Pick<GridView, 'name' | 'path'> | null
  /** Filled when the point was found by name (WeChat's place search in the picker). */
  address?: string
}

/**
 * The two ways to say where the problem is: the device's position, or a point on our picker page
 * (WeChat's map with the grids in the mini-program, an SVG of them on H5). Either way the grid is
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

  // Our picker page on both platforms: WeChat's map with the grids in the mini-program, an SVG on H5.
  const fromMap = useCallback(async () => {
    setError('')
    void Taro.navigateTo({ url: '/pages/report/pick/index' })
  }, [])

  // The picker page fires this when the user confirms a point.
  useEffect(() => {
    const handler = (p: PickedPoint) => {
      setError(p.gridName ? '' : '该位置不在服务网格内，请重新选点')
      onPicked({ point: { lng: p.lng, lat: p.lat }, grid: p.gridName ? { name: p.gridName, path: p.gridPath ?? '' } : null, address: p.address })
    }
    Taro.eventCenter.on(PICKED_POINT, handler)
    return () => {
      Taro.eventCenter.off(PICKED_POINT, handler)
    }
  }, [onPicked])

  return { busy, error, fromDevice, fromMap }
}
