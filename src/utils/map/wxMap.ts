/**
 * What the mini-program's <Map> is given: grid outlines, the person's position and case pins, all
 * converted from the WGS-84 we store to the GCJ-02 WeChat's map draws in (core/geo is the one
 * conversion). Pure, so the shapes are tested without a map.
 */
import { gcj02ToWgs84, isValidPoint, wgs84ToGcj02, type GeoPoint } from '../../core/geo'

export interface MapPoint {
  latitude: number
  longitude: number
}

export interface MapPolygon {
  points: MapPoint[]
  strokeWidth: number
  strokeColor: string
  fillColor: string
  zIndex: number
}

export interface MapPolyline {
  points: MapPoint[]
  color: string
  width: number
  dottedLine: boolean
}

export interface MapMarker extends MapPoint {
  /** WeChat wants a number; markertap answers with it. */
  id: number
  title?: string
  /** Copied into the build by config/index.ts (weapp only). */
  iconPath: string
  width: number
  height: number
  /** Which point of the icon sits on the spot: a pin's tip (the default) or a dot's centre. */
  anchor?: { x: number; y: number }
  callout?: Callout
}

/** WeChat's callout, every field set (Taro's type wants them all; the client's defaults differ by OS). */
export interface Callout {
  content: string
  color: string
  fontSize: number
  anchorX: number
  anchorY: number
  borderRadius: number
  borderWidth: number
  borderColor: string
  bgColor: string
  padding: number
  display: 'BYCLICK' | 'ALWAYS'
  textAlign: 'left' | 'right' | 'center'
}

/** A stored [lng, lat] or point, as the map draws it. */
export function toMapPoint(p: GeoPoint | readonly number[]): MapPoint {
  const g = Array.isArray(p) ? { lng: Number(p[0]), lat: Number(p[1]) } : (p as GeoPoint)
  const c = wgs84ToGcj02(g)
  return { latitude: c.lat, longitude: c.lng }
}

/** A point the map answered with (a tap, its centre), back in the WGS-84 we store. */
export function fromMapPoint(p: MapPoint): GeoPoint {
  return gcj02ToWgs84({ lng: p.longitude, lat: p.latitude })
}

const usableRing = (r: unknown): r is number[][] =>
  Array.isArray(r) && r.length >= 3 && r.every((p) => Array.isArray(p) && isValidPoint({ lng: Number(p[0]), lat: Number(p[1]) }))

/** A ring without GeoJSON's closing vertex (the map closes polygons itself). */
function openRing(ring: number[][]): number[][] {
  const [f, l] = [ring[0]!, ring[ring.length - 1]!]
  return ring.length > 3 && f[0] === l[0] && f[1] === l[1] ? ring.slice(0, -1) : ring
}

export const ICONS = { case: '/assets/map/case-pin.png', me: '/assets/map/me.png' }

export const GRID_STYLE = { stroke: '#FA2C19', fill: '#FA2C1922', hole: '#86909C', width: 2 }

export interface GridOverlay {
  polygons: MapPolygon[]
  /** Holes: WeChat's polygons cannot have them, so they are drawn as dotted outlines. */
  polylines: MapPolyline[]
  /** Every vertex: the map zooms to show the whole grid. */
  includePoints: MapPoint[]
}

/** A grid's GeoJSON polygon (outer ring, then holes) as map overlays; empty when no ring is usable. */
export function gridOverlay(polygon: number[][][] | null | undefined, style = GRID_STYLE): GridOverlay {
  const rings = (polygon ?? []).filter(usableRing).map(openRing)
  const [outer, ...holes] = rings
  if (!outer) return { polygons: [], polylines: [], includePoints: [] }
  const points = outer.map(toMapPoint)
  return {
    polygons: [{ points, strokeWidth: style.width, strokeColor: style.stroke, fillColor: style.fill, zIndex: 1 }],
    polylines: holes.map((h) => ({ points: [...h, h[0]!].map(toMapPoint), color: style.hole, width: 1, dottedLine: true })),
    includePoints: points,
  }
}

/** The person's own position as a marker (id 0 is reserved for it). */
export function selfMarker(p: GeoPoint): MapMarker {
  return { id: 0, ...toMapPoint(p), title: '我的位置', iconPath: ICONS.me, width: 24, height: 24, anchor: { x: 0.5, y: 0.5 }, callout: callout('我的位置', 'ALWAYS') }
}

function callout(content: string, display: 'BYCLICK' | 'ALWAYS', color = '#1D2129'): Callout {
  return { content, color, fontSize: 13, anchorX: 0, anchorY: 0, borderRadius: 6, borderWidth: 1, borderColor: '#E5E6EB', bgColor: '#FFFFFF', padding: 6, display, textAlign: 'center' }
}

export interface PinnedCase {
  id: string
  title: string
  statusLabel: string
  overdue: boolean
  location: { lng: number; lat: number; address: string } | null
}

export interface CasePins {
  markers: MapMarker[]
  /** Marker id − 1 → the case it stands for. */
  cases: PinnedCase[]
  includePoints: MapPoint[]
  /** Cases with no usable point (not on the map, said under it). */
  unplaced: number
}

/** Cases as numbered pins (1, 2, …): a tap shows title and status; overdue ones in red. */
export function casePins(list: readonly PinnedCase[]): CasePins {
  const cases = list.filter((c) => c.location && isValidPoint(c.location))
  const markers = cases.map((c, i) => ({
    id: i + 1,
    ...toMapPoint(c.location!),
    title: c.title,
    iconPath: ICONS.case,
    width: 28,
    height: 34,
    callout: callout(`${c.title} · ${c.overdue ? '已超时' : c.statusLabel}`, 'BYCLICK', c.overdue ? '#F53F3F' : '#1D2129'),
  }))
  return { markers, cases, includePoints: markers.map(({ latitude, longitude }) => ({ latitude, longitude })), unplaced: list.length - cases.length }
}

/** wx.openLocation's arguments for a case: WeChat's own map page, with its 导航 to the spot. */
export function navigationTo(c: PinnedCase) {
  if (!c.location || !isValidPoint(c.location)) return null
  return { ...toMapPoint(c.location), name: c.title, address: c.location.address, scale: 17 }
}
