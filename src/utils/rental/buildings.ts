/** A building: its rooms, the registration form's draft and checks, and the input it sends. */
import { BUILDING_ADDRESS_MIN, BUILDING_NAME_MIN, MAX_ROOMS } from '../../contracts/limits'

/** Rooms 101…, 201…: `perFloor` doors on each of `floors` floors, numbered by floor and door. */
export function roomsFor(floors: number, perFloor: number): string[] {
  const out: string[] = []
  for (let f = 1; f <= floors; f++) for (let d = 1; d <= perFloor; d++) out.push(`${f}${String(d).padStart(2, '0')}`)
  return out
}

/** Rooms of one building grouped by floor, for the picker: the floor is the number before the last two digits. */
export function roomsByFloor(rooms: readonly string[]): Array<{ floor: string; rooms: string[] }> {
  const groups: Array<{ floor: string; rooms: string[] }> = []
  for (const r of rooms) {
    const floor = /^\d{3,}$/.test(r) ? r.slice(0, -2) : ''
    const g = groups.find((x) => x.floor === floor)
    if (g) g.rooms.push(r)
    else groups.push({ floor, rooms: [r] })
  }
  return groups
}

export interface BuildingDraft {
  name: string
  address: string
  point: { lng: number; lat: number } | null
  floors: string
  perFloor: string
}

export type BuildingField = 'name' | 'address' | 'location' | 'floors' | 'perFloor'
export type BuildingErrors = Partial<Record<BuildingField, string>>

export function emptyBuilding(): BuildingDraft {
  return { name: '', address: '', point: null, floors: '', perFloor: '' }
}

function intIn(s: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(s.trim())) return null
  const n = Number(s.trim())
  return n >= min && n <= max ? n : null
}

export function validateBuilding(d: BuildingDraft, gridFound: boolean): BuildingErrors {
  const e: BuildingErrors = {}
  if (d.name.trim().length < BUILDING_NAME_MIN) e.name = '请填写楼栋名称'
  if (d.address.trim().length < BUILDING_ADDRESS_MIN) e.address = '请填写详细地址'
  if (!d.point) e.location = '请选择楼栋位置，用于确定所属网格'
  else if (!gridFound) e.location = '该位置不在服务网格内，请重新选点'
  if (intIn(d.floors, 1, 99) === null) e.floors = '楼层数应为 1–99 的整数'
  const perFloor = intIn(d.perFloor, 1, 30)
  if (perFloor === null) e.perFloor = '每层户数应为 1–30 的整数'
  else if (!e.floors && intIn(d.floors, 1, 99)! * perFloor > MAX_ROOMS) e.perFloor = `房号最多 ${MAX_ROOMS} 个`
  return e
}

export function buildingFieldOf(key: string): BuildingField | null {
  if (key === 'rooms') return 'perFloor'
  if (key.startsWith('location')) return 'location'
  return (['name', 'address', 'floors', 'perFloor'] as string[]).includes(key) ? (key as BuildingField) : null
}

export function buildRegisterBuilding(d: BuildingDraft, idempotencyKey: string) {
  const floors = Number(d.floors.trim())
  return {
    idempotencyKey,
    name: d.name.trim(),
    address: d.address.trim(),
    location: d.point!,
    floors,
    rooms: roomsFor(floors, Number(d.perFloor.trim())),
  }
}
