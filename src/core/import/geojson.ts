import area from '@turf/area'
import booleanWithin from '@turf/boolean-within'
import { featureCollection, polygon as turfPolygon } from '@turf/helpers'
import intersect from '@turf/intersect'
import kinks from '@turf/kinks'
import type { GeoPolygon, OrgLevel, OrgUnit } from '../org'
import { GEOJSON_PROPS, LEVEL_WORDS } from './geojsonProps'

/**
 * Org tree and grid boundaries from GeoJSON: a FeatureCollection whose features are grids
 * (`level` absent or "grid") with properties code, name, community, street and optionally
 * communityName / streetName / phone; streets and communities may come as features of their own
 * (`level: "street" | "community"`, geometry optional) in the same or a second collection.
 * Nothing is written here: the result says what is wrong and what would change.
 */

export interface ImportIssue {
  /** Zero-based feature index in the (concatenated) input, or -1 for the file as a whole. */
  feature: number
  code: string | null
  field?: string
  reason: string
}

export interface GridOverlap {
  a: string
  b: string
  /** Square metres the two grids share. */
  areaM2: number
}

export interface OrgImportPlan {
  errors: ImportIssue[]
  warnings: ImportIssue[]
  overlaps: GridOverlap[]
  /** The units the file defines (merged over what exists), in code order. */
  units: OrgUnit[]
  /** Streets whose communities and grids the file replaces. */
  streets: string[]
  diff: UnitDiff
}

/** Overlaps at or above this are errors; smaller ones (digitising slivers) are warnings. */
export const OVERLAP_ERROR_M2 = 10
const OVERLAP_IGNORE_M2 = 0.01
const CODE = /^[0-9A-Za-z_-]{1,32}$/
const MAX_FEATURES = 5000
const IMPORT_LEVELS: readonly OrgLevel[] = ['street', 'community', 'grid']

interface Draft {
  feature: number
  unit: OrgUnit
}

type Obj = Record<string, unknown>
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)

function text(props: Obj, key: string): string | undefined {
  const names = GEOJSON_PROPS[key] ? [key, GEOJSON_PROPS[key].label, ...GEOJSON_PROPS[key].aliases] : [key]
  for (const n of names) {
    const v = props[n]
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
    if (typeof v !== 'string') continue
    const t = v.trim()
    if (t !== '') return t
  }
  return undefined
}

/** Ring problems in Chinese, or null when the polygon is well formed. */
export function polygonProblem(geometry: unknown): string | null {
  if (!isObj(geometry)) return '缺少几何图形'
  if (geometry.type === 'MultiPolygon') return '暂不支持多面（MultiPolygon），请拆成单个多边形'
  if (geometry.type !== 'Polygon') return `几何类型应为 Polygon（现为 ${String(geometry.type)}）`
  const rings = geometry.coordinates
  if (!Array.isArray(rings) || rings.length === 0) return '多边形没有坐标环'
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]
    const which = r === 0 ? '外环' : `第 ${r} 个内环`
    if (!Array.isArray(ring) || ring.length < 4) return `${which}至少需要 4 个坐标点（首尾相同）`
    for (const p of ring) {
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) return `${which}含有无效坐标`
      const [lng, lat] = p as number[]
      if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90) return `${which}坐标超出经纬度范围：${lng},${lat}`
    }
    const first = ring[0] as number[]
    const last = ring[ring.length - 1] as number[]
    if (first[0] !== last[0] || first[1] !== last[1]) return `${which}未闭合：首尾坐标应相同`
  }
  return null
}

function toPolygon(geometry: Obj): GeoPolygon {
  return { type: 'Polygon', coordinates: (geometry.coordinates as number[][][]).map((ring) => ring.map((p) => [p[0]!, p[1]!])) }
}

function selfIntersection(p: GeoPolygon): string | null {
  const found = kinks(turfPolygon(p.coordinates)).features
  if (found.length === 0) return null
  const [lng, lat] = found[0]!.geometry.coordinates
  return `边界自相交（约在 ${lng!.toFixed(6)},${lat!.toFixed(6)}）`
}

function bbox(p: GeoPolygon): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [lng, lat] of p.coordinates[0]!) {
    w = Math.min(w, lng!)
    e = Math.max(e, lng!)
    s = Math.min(s, lat!)
    n = Math.max(n, lat!)
  }
  return [w, s, e, n]
}

function boxesMeet(a: number[], b: number[]): boolean {
  return a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!
}

/** Pairs of grids sharing area, with that area; shared edges are not overlaps. */
export function gridOverlaps(grids: ReadonlyArray<{ code: string; polygon: GeoPolygon }>): GridOverlap[] {
  const boxes = grids.map((g) => bbox(g.polygon))
  const out: GridOverlap[] = []
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      if (!boxesMeet(boxes[i]!, boxes[j]!)) continue
      const shared = intersect(featureCollection([turfPolygon(grids[i]!.polygon.coordinates), turfPolygon(grids[j]!.polygon.coordinates)]))
      const m2 = shared ? area(shared) : 0
      if (m2 > OVERLAP_IGNORE_M2) out.push({ a: grids[i]!.code, b: grids[j]!.code, areaM2: Math.round(m2 * 10) / 10 })
    }
  }
  return out
}

function collect(collections: readonly unknown[], errors: ImportIssue[]): Array<{ feature: number; props: Obj; geometry: unknown }> {
  const out: Array<{ feature: number; props: Obj; geometry: unknown }> = []
  for (const fc of collections) {
    if (!isObj(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      errors.push({ feature: -1, code: null, reason: '文件应为 GeoJSON FeatureCollection（含 features 数组）' })
      continue
    }
    for (const f of fc.features) {
      const feature = out.length
      if (!isObj(f) || f.type !== 'Feature' || !isObj(f.properties)) {
        errors.push({ feature, code: null, reason: '要素应为 Feature 且带 properties' })
        out.push({ feature, props: {}, geometry: null })
        continue
      }
      out.push({ feature, props: f.properties, geometry: f.geometry })
    }
  }
  if (out.length > MAX_FEATURES) errors.push({ feature: -1, code: null, reason: `要素过多（${out.length} 个，最多 ${MAX_FEATURES} 个），请按街道分文件导入` })
  return out
}

/**
 * Validates the collections against the current org tree and says what applying them would
 * change. `districtCode` is the parent of every street in the file.
 */
export function planOrgImport(collections: readonly unknown[], current: readonly OrgUnit[], districtCode: string): OrgImportPlan {
  const errors: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  const features = collect(collections, errors)
  const existing = new Map(current.map((u) => [u.code, u]))
  const drafts = new Map<string, Draft>()
  const implied = new Map<string, Draft>()

  const define = (d: Draft) => {
    const prior = drafts.get(d.unit.code)
    if (prior) {
      errors.push({ feature: d.feature, code: d.unit.code, field: 'code', reason: `编码 ${d.unit.code} 重复（第 ${prior.feature + 1} 个要素已使用）` })
      return
    }
    const was = existing.get(d.unit.code)
    if (was && was.level !== d.unit.level) {
      errors.push({ feature: d.feature, code: d.unit.code, field: 'code', reason: `编码 ${d.unit.code} 已是${levelName(was.level)}「${was.name}」，不能用作${levelName(d.unit.level)}` })
      return
    }
    drafts.set(d.unit.code, d)
  }

  for (const { feature, props, geometry } of features) {
    if (Object.keys(props).length === 0 && geometry === null) continue
    const levelText = text(props, 'level')
    const level = (levelText ? (LEVEL_WORDS[levelText] ?? levelText) : 'grid') as OrgLevel
    const code = text(props, 'code')
    const name = text(props, 'name')
    if (!IMPORT_LEVELS.includes(level)) {
      errors.push({ feature, code: code ?? null, field: 'level', reason: `层级应为 街道、社区 或 网格（现为 ${level}）` })
      continue
    }
    if (!code || !CODE.test(code)) {
      errors.push({ feature, code: code ?? null, field: 'code', reason: '编码缺失或格式错误（1–32 位字母、数字、_ 或 -）' })
      continue
    }
    if (!name || name.length > 40) {
      errors.push({ feature, code, field: 'name', reason: '名称缺失或超过 40 字' })
      continue
    }
    let parentCode: string | undefined
    if (level === 'street') parentCode = districtCode
    else if (level === 'community') parentCode = text(props, 'street')
    else parentCode = text(props, 'community')
    if (!parentCode) {
      errors.push({ feature, code, field: level === 'community' ? 'street' : 'community', reason: level === 'community' ? '社区缺少所属街道编码' : '网格缺少所属社区编码' })
      continue
    }
    const unit: OrgUnit = { code, name, level, parentCode }
    const phone = text(props, 'phone')
    if (phone) unit.phone = phone
    const shortName = level === 'street' ? text(props, 'shortName') : undefined
    if (shortName) {
      if (!/^[\u4e00-\u9fa5]{1,8}$/.test(shortName)) {
        errors.push({ feature, code, field: 'shortName', reason: '简称应为 1–8 个汉字（用于事项编号，如「京溪」）' })
        continue
      }
      unit.shortName = shortName
    }
    if (geometry !== null && geometry !== undefined) {
      const bad = polygonProblem(geometry)
      if (bad) {
        errors.push({ feature, code, field: 'geometry', reason: bad })
        continue
      }
      unit.polygon = toPolygon(geometry as Obj)
      const kink = selfIntersection(unit.polygon)
      if (kink) {
        errors.push({ feature, code, field: 'geometry', reason: kink })
        continue
      }
    } else if (level === 'grid') {
      errors.push({ feature, code, field: 'geometry', reason: '网格缺少边界多边形' })
      continue
    }
    define({ feature, unit })
    // Parents named in a grid's or community's properties stand in for their own features.
    if (level === 'grid') {
      const communityName = text(props, 'communityName')
      const street = text(props, 'street')
      if (communityName && street) implied.set(parentCode, implied.get(parentCode) ?? { feature, unit: { code: parentCode, name: communityName, level: 'community', parentCode: street } })
    }
    const streetCode = level === 'grid' ? text(props, 'street') : level === 'community' ? parentCode : undefined
    const streetName = text(props, 'streetName')
    if (streetCode && streetName) implied.set(streetCode, implied.get(streetCode) ?? { feature, unit: { code: streetCode, name: streetName, level: 'street', parentCode: districtCode } })
  }
  for (const d of implied.values()) if (!drafts.has(d.unit.code)) define(d)

  // The file's units merged over what exists: a field the file leaves out keeps its value.
  const next = new Map<string, OrgUnit>()
  for (const { unit } of drafts.values()) next.set(unit.code, { ...existing.get(unit.code), ...unit })
  const lookup = (code: string) => next.get(code) ?? existing.get(code)

  for (const { feature, unit } of drafts.values()) {
    if (unit.level === 'street') continue
    const parent = lookup(unit.parentCode!)
    const want: OrgLevel = unit.level === 'grid' ? 'community' : 'street'
    if (!parent) errors.push({ feature, code: unit.code, field: unit.level === 'grid' ? 'community' : 'street', reason: `所属${levelName(want)} ${unit.parentCode} 不存在（文件中未定义，系统中也没有）` })
    else if (parent.level !== want) errors.push({ feature, code: unit.code, field: unit.level === 'grid' ? 'community' : 'street', reason: `${unit.parentCode} 是${levelName(parent.level)}，不是${levelName(want)}` })
  }

  const streetOf = (code: string): OrgUnit | undefined => {
    let u = lookup(code)
    for (let i = 0; u && u.level !== 'street' && i < 5; i++) u = u.parentCode ? lookup(u.parentCode) : undefined
    return u?.level === 'street' ? u : undefined
  }
  const grids = [...drafts.values()].filter((d) => d.unit.level === 'grid' && d.unit.polygon)
  for (const { feature, unit } of grids) {
    const street = streetOf(unit.code)
    if (street?.polygon && !booleanWithin(turfPolygon(unit.polygon!.coordinates), turfPolygon(street.polygon.coordinates)))
      errors.push({ feature, code: unit.code, field: 'geometry', reason: `网格超出所属街道「${street.name}」的边界` })
  }

  const overlaps = errors.length === 0 ? gridOverlaps(grids.map((g) => ({ code: g.unit.code, polygon: g.unit.polygon! }))) : []
  for (const o of overlaps) {
    const issue = { feature: drafts.get(o.b)!.feature, code: o.b, field: 'geometry', reason: `网格 ${o.a} 与 ${o.b} 重叠约 ${o.areaM2} 平方米` }
    ;(o.areaM2 >= OVERLAP_ERROR_M2 ? errors : warnings).push(issue)
  }

  const streets = [...new Set([...next.values()].map((u) => streetOf(u.code)?.code).filter((c): c is string => !!c))].sort()
  const units = [...next.values()].sort((a, b) => a.code.localeCompare(b.code))
  if (errors.length > 0) return { errors, warnings, overlaps, units, streets, diff: { added: [], changed: [], removed: [], unchanged: 0 } }
  // Communities and grids of the file's streets that the file no longer has; a unit the file
  // names only as a parent (an existing community) stays.
  const referenced = new Set(units.map((u) => u.parentCode))
  const removed = current.filter(
    (u) => (u.level === 'community' || u.level === 'grid') && !next.has(u.code) && !referenced.has(u.code) && streets.includes(streetOfCurrent(u.code, existing) ?? ''),
  )
  return { errors, warnings, overlaps, units, streets, diff: diffUnits(units, existing, removed) }
}

function streetOfCurrent(code: string, existing: Map<string, OrgUnit>): string | undefined {
  let u = existing.get(code)
  for (let i = 0; u && u.level !== 'street' && i < 5; i++) u = u.parentCode ? existing.get(u.parentCode) : undefined
  return u?.level === 'street' ? u.code : undefined
}

function levelName(level: OrgLevel): string {
  return { city: '市', district: '区', street: '街道', community: '社区', grid: '网格' }[level]
}

export interface UnitChange {
  code: string
  before: OrgUnit
  after: OrgUnit
  /** Which of name, parentCode, polygon, phone, shortName differ. */
  fields: string[]
}

export interface UnitDiff {
  added: OrgUnit[]
  changed: UnitChange[]
  removed: OrgUnit[]
  unchanged: number
}

const FIELDS = ['name', 'parentCode', 'polygon', 'phone', 'shortName'] as const

/** What writing `next` (and removing `removed`) would do to the units stored now. */
export function diffUnits(next: readonly OrgUnit[], existing: ReadonlyMap<string, OrgUnit>, removed: readonly OrgUnit[]): UnitDiff {
  const diff: UnitDiff = { added: [], changed: [], removed: [...removed].sort((a, b) => a.code.localeCompare(b.code)), unchanged: 0 }
  for (const after of next) {
    const before = existing.get(after.code)
    if (!before) {
      diff.added.push(after)
      continue
    }
    const fields = FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    if (fields.length === 0) diff.unchanged++
    else diff.changed.push({ code: after.code, before, after, fields: [...fields] })
  }
  return diff
}
