import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../../api'
import { buildRegisterBuilding, buildingFieldOf, emptyBuilding, roomsFor, validateBuilding, type BuildingDraft, type BuildingErrors } from '../../../../utils/rental/buildings'
import type { BuildingView } from '../../../../contracts/rental'
import { useLocationPicker, type PickedLocation } from '../../../../hooks/useLocationPicker'
import { randomId } from '../../../../utils/id'

/** The new building's draft, its place (and grid) from the device or the map, the rooms it will have, and sending it. */
export function useRegisterBuilding(onDone: (b: BuildingView) => void) {
  const [draft, setDraft] = useState<BuildingDraft>(emptyBuilding)
  const [grid, setGrid] = useState<PickedLocation['grid']>(null)
  const [errors, setErrors] = useState<BuildingErrors>({})
  const [busy, setBusy] = useState(false)
  const [key] = useState(() => randomId())

  const set = <K extends keyof BuildingDraft>(k: K, v: BuildingDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }
  const onPicked = useCallback((loc: PickedLocation) => {
    setDraft((d) => ({ ...d, point: loc.point, address: d.address || loc.address || '' }))
    setGrid(loc.grid)
    setErrors((e) => ({ ...e, location: undefined }))
  }, [])
  const location = useLocationPicker(onPicked)

  const floors = Number(draft.floors)
  const perFloor = Number(draft.perFloor)
  const preview = floors > 0 && perFloor > 0 && floors <= 99 && perFloor <= 30 ? roomsFor(floors, perFloor) : []

  const submit = async () => {
    if (busy) return
    const e = validateBuilding(draft, !!grid)
    setErrors(e)
    const first = Object.values(e).find(Boolean)
    if (first) return void Taro.showToast({ title: first, icon: 'none' })
    setBusy(true)
    const r = await api.call('rental.registerBuilding', buildRegisterBuilding(draft, key))
    setBusy(false)
    if (r.ok) return onDone(r.building)
    const fe: BuildingErrors = {}
    for (const [k, v] of Object.entries(r.details ?? {})) {
      const f = buildingFieldOf(k)
      if (f && !fe[f]) fe[f] = v
    }
    setErrors(fe)
    void Taro.showToast({ title: Object.values(fe)[0] || r.message, icon: 'none' })
  }

  return { draft, grid, errors, busy, set, location, preview, submit }
}
