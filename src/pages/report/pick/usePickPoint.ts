import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState, type MouseEvent } from 'react'
import { api } from '../../../api'
import type { GridShape } from '../../../contracts/api'
import { fitProjection, inPolygon } from '../../../utils/geo-fit'
import { PICKED_POINT, type PickedPoint } from '../../../utils/pick-channel'

const WIDTH = 360

/** The grids around the user, the pin the user drops on them and the grid under it; 确定 hands the point back. */
export function usePickPoint() {
  const [grids, setGrids] = useState<GridShape[] | null>(null)
  const [error, setError] = useState('')
  const [pin, setPin] = useState<[number, number] | null>(null)

  const load = async () => {
    setError('')
    const r = await api.call('reports.gridMap', {})
    if (r.ok) setGrids(r.grids)
    else setError(r.message)
  }

  useEffect(() => {
    void load()
  }, [])

  const proj = useMemo(() => fitProjection((grids ?? []).flatMap((g) => g.polygon), WIDTH), [grids])
  const hit = pin ? grids?.find((g) => inPolygon(pin, g.polygon)) ?? null : null

  const tap = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    const x = ((e.clientX - box.left) / box.width) * proj.width
    const y = ((e.clientY - box.top) / box.height) * proj.height
    setPin(proj.toLngLat(x, y))
  }

  const confirm = () => {
    if (!pin) return
    const picked: PickedPoint = { lng: pin[0], lat: pin[1], gridName: hit?.name ?? null, gridPath: hit?.path ?? null }
    Taro.eventCenter.trigger(PICKED_POINT, picked)
    void Taro.navigateBack()
  }

  return { grids, error, load, proj, pin, hit, tap, confirm }
}
