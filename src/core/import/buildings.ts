import { centroid, gridAt, isValidPoint, pointInPolygon, type GeoPoint } from '../geo'
import type { OrgTree } from '../org'
import { mapHeader, type RowIssue } from './csv'
import type { StaffLike } from './roster'

/** One building row that passed every check, ready to be registered. */
export interface BuildingRow {
  row: number
  name: string
  address: string
  gridCode: string
  location: GeoPoint
  floors: number
  rooms: string[]
  managerId: string
  /** Already registered in that grid at that address: importing again changes nothing. */
  change: 'added' | 'unchanged'
}

export interface BuildingPlan {
  errors: RowIssue[]
  buildings: BuildingRow[]
  rows: number
}

export interface BuildingContext {
  tree: OrgTree
  /** Staff holding building_manager grants; a row's phone finds its manager. */
  managers: readonly StaffLike[]
  /** Buildings already registered (grid and address are what identify one here). */
  existing: ReadonlyArray<{ gridCode: string; address: string }>
  /** Units the importing administrator may write to. */
  allowUnit?: (code: string) => boolean
}

/** Each column by any of its header names (the first is the one the help names); the admin page lists them. */
export const BUILDING_COLUMNS = {
  name: ['名称', '楼栋名称', 'name'],
  address: ['地址', '楼栋地址', 'address'],
  grid: ['网格编码', '网格', 'grid', 'gridCode'],
  lng: ['经度', 'lng', 'longitude'],
  lat: ['纬度', 'lat', 'latitude'],
  floors: ['楼层', '楼层数', '层数', 'floors'],
  rooms: ['房号', '房间', 'rooms'],
  manager: ['楼栋长手机', '楼栋长电话', '楼栋长', 'managerPhone'],
} as const
type Column = keyof typeof BUILDING_COLUMNS
const LABEL: Record<Column, string> = { name: '名称', address: '地址', grid: '网格编码', lng: '经度', lat: '纬度', floors: '楼层', rooms: '房号', manager: '楼栋长手机' }
const MAX_ROOMS = 1000

/** Same address written two ways ("云景路 12 号" / "云景路12号") is the same building. */
export function addressKey(address: string): string {
  return address.replace(/[\s，,。.]/g, '').toUpperCase()
}

/**
 * "101-104;201、202" → 101 102 103 104 201 202. Ranges stay within one floor's numbering and
 * are capped; anything else is taken as a room name as written.
 */
export function parseRooms(cell: string): string[] | string {
  const out: string[] = []
  for (const part of cell.split(/[;；,，、\s]+/).map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*[-~－至]\s*(\d+)$/.exec(part)
    if (!range) {
      if (part.length > 20) return `房号「${part.slice(0, 20)}…」超过 20 个字`
      out.push(part)
      continue
    }
    const [from, to] = [Number(range[1]), Number(range[2])]
    if (to < from || to - from > 200) return `房号范围「${part}」无效（应从小到大，每段最多 200 间）`
    for (let n = from; n <= to; n++) out.push(String(n).padStart(range[1]!.length, '0'))
  }
  const unique = [...new Set(out)]
  if (unique.length === 0) return '请至少填写一个房号'
  if (unique.length > MAX_ROOMS) return `房号最多 ${MAX_ROOMS} 个`
  return unique
}

/** Reads a building table (first row = header): address, grid code or coordinates, floors, rooms, manager's phone. */
export function planBuildings(table: readonly string[][], ctx: BuildingContext): BuildingPlan {
  const { index, missing } = mapHeader<Column>(table[0] ?? [], BUILDING_COLUMNS, ['address', 'floors', 'rooms', 'manager'])
  const noPlace = index.grid === undefined && (index.lng === undefined || index.lat === undefined)
  if (table.length === 0 || missing.length > 0 || noPlace) {
    const cols = [...missing.map((m) => LABEL[m]), ...(noPlace ? ['网格编码或经纬度'] : [])]
    return { errors: [{ row: 1, column: cols.join('、'), reason: `缺少列：${cols.join('、')}` }], buildings: [], rows: Math.max(0, table.length - 1) }
  }
  const errors: RowIssue[] = []
  const buildings: BuildingRow[] = []
  const byPhone = new Map(ctx.managers.filter((m) => m.phone).map((m) => [m.phone!, m]))
  const known = new Set(ctx.existing.map((b) => `${b.gridCode}|${addressKey(b.address)}`))
  const inFile = new Map<string, number>()

  for (let r = 1; r < table.length; r++) {
    const rowNo = r + 1
    const cells = table[r]!
    const cell = (k: Column) => (index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim())
    const before = errors.length
    const bad = (column: Column | string, reason: string) => errors.push({ row: rowNo, column: LABEL[column as Column] ?? column, reason })

    const address = cell('address')
    if (!address || address.length > 80) bad('address', address ? '地址超过 80 个字' : '地址不能为空')
    const name = cell('name') || address
    if (name.length > 40) bad('name', '名称超过 40 个字')
    const floors = Number(cell('floors'))
    if (!Number.isInteger(floors) || floors < 1 || floors > 200) bad('floors', cell('floors') ? `楼层应为 1–200 的整数：${cell('floors')}` : '楼层不能为空')
    const rooms = parseRooms(cell('rooms'))
    if (typeof rooms === 'string') bad('rooms', rooms)

    // Where: a point decides the grid; a grid code alone places the building at the grid's centre.
    let gridCode = cell('grid')
    let location: GeoPoint | null = null
    const [lngText, latText] = [cell('lng'), cell('lat')]
    if (lngText || latText) {
      const p = { lng: Number(lngText), lat: Number(latText) }
      if (!lngText || !latText || !isValidPoint(p)) bad('lng', '经纬度无效（WGS-84，经度在前）')
      else {
        location = p
        const at = gridAt(ctx.tree, p)
        if (!at) bad('lng', '该坐标不在任何网格内')
        else if (gridCode && gridCode !== at.code) bad('grid', `坐标位于「${at.name}」（${at.code}），与网格编码 ${gridCode} 不符`)
        else gridCode = at.code
      }
    }
    const grid = gridCode ? ctx.tree.get(gridCode) : undefined
    if (!location && !gridCode) bad('grid', '请填写网格编码或经纬度')
    else if (gridCode && (!grid || grid.level !== 'grid')) bad('grid', `网格编码 ${gridCode} 不存在`)
    else if (grid && ctx.allowUnit && !ctx.allowUnit(grid.code)) bad('grid', `${grid.name}不在您管理的范围内`)
    if (grid && !location) {
      if (!grid.polygon) bad('grid', `网格「${grid.name}」没有边界，请填写经纬度`)
      else {
        // Six decimals is about 10 cm: what a surveyed point carries, without float noise.
        const c = centroid(grid.polygon)
        location = { lng: Math.round(c.lng * 1e6) / 1e6, lat: Math.round(c.lat * 1e6) / 1e6 }
      }
    }
    if (grid?.polygon && location && !pointInPolygon(location, grid.polygon) && !lngText) bad('grid', `网格「${grid.name}」的中心不在其边界内，请填写经纬度`)

    const phone = cell('manager').replace(/[\s()（）]/g, '')
    const manager = byPhone.get(phone)
    if (!phone) bad('manager', '楼栋长手机不能为空')
    else if (!manager) bad('manager', `没有手机号为 ${phone} 的楼栋长，请先导入人员名单`)
    else if (grid && !manager.grants.some((g) => g.role === 'building_manager' && ctx.tree.isWithin(grid.code, g.unitCode)))
      bad('manager', `${manager.name}不是「${grid.name}」的楼栋长`)

    const key = `${gridCode}|${addressKey(address)}`
    const dup = inFile.get(key)
    if (errors.length === before && dup) bad('address', `与第 ${dup} 行是同一楼栋（同一网格、同一地址）`)
    if (errors.length > before) continue
    inFile.set(key, rowNo)
    buildings.push({ row: rowNo, name, address, gridCode, location: location!, floors, rooms: rooms as string[], managerId: manager!.id, change: known.has(key) ? 'unchanged' : 'added' })
  }
  return { errors, buildings, rows: table.length - 1 }
}
