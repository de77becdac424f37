import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import type { GeoPolygon, OrgTree, OrgUnit } from './org'

export interface GeoPoint {
  lng: number
  lat: number
}

export function isValidPoint(p: GeoPoint): boolean {
  return (
    Number.isFinite(p.lng) && Number.isFinite(p.lat) && p.lng >= -180 && p.lng <= 180 && p.lat >= -90 && p.lat <= 90
  )
}

export function pointInPolygon(p: GeoPoint, polygon: GeoPolygon): boolean {
  return booleanPointInPolygon([p.lng, p.lat], polygon)
}

/** The grid whose polygon contains the point; the first in code order when boundaries touch. */
export function gridAt(tree: OrgTree, p: GeoPoint): OrgUnit | undefined {
  if (!isValidPoint(p)) return undefined
  return tree
    .gridIndex()
    .candidates(p.lng, p.lat)
    .find((g) => pointInPolygon(p, g.polygon as GeoPolygon))
}

/** The mean of a polygon's outline vertices (the closing vertex counted once): a label or probe point. */
export function centroid(polygon: GeoPolygon): GeoPoint {
  const ring = polygon.coordinates[0] ?? []
  const pts = ring.length > 1 ? ring.slice(0, -1) : ring
  const sum = pts.reduce((a, [lng, lat]) => ({ lng: a.lng + lng!, lat: a.lat + lat! }), { lng: 0, lat: 0 })
  return { lng: sum.lng / Math.max(pts.length, 1), lat: sum.lat / Math.max(pts.length, 1) }
}

/** Great-circle distance in metres (haversine); good to well under a metre at grid scale. */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const R = 6371008.8
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Outside China's box GCJ-02 equals WGS-84 (the usual bounding-box test of the published formula). */
function outsideChina(p: GeoPoint): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271
}

/** GCJ-02 minus WGS-84 at a WGS-84 point (the published forward formula), in degrees. */
function gcjOffset(p: GeoPoint): GeoPoint {
  const a = 6378245.0
  const ee = 0.006693421622965943
  const x = p.lng - 105.0
  const y = p.lat - 35.0
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  const radLat = (p.lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - ee * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lng: dLng, lat: dLat }
}

/**
 * WeChat's map, chooseLocation and openLocation speak GCJ-02, the offset system Chinese maps must
 * use; we store WGS-84 (GPS, the grid polygons). These two are the only conversions in the app:
 * everything drawn on a WeChat map goes through wgs84ToGcj02, every point read from one through
 * gcj02ToWgs84.
 */
export function wgs84ToGcj02(p: GeoPoint): GeoPoint {
  if (outsideChina(p)) return p
  const d = gcjOffset(p)
  return { lng: p.lng + d.lng, lat: p.lat + d.lat }
}

/** The inverse by fixed-point iteration on the forward formula: well under a metre after a few steps. */
export function gcj02ToWgs84(p: GeoPoint): GeoPoint {
  if (outsideChina(p)) return p
  let w = p
  for (let i = 0; i < 4; i++) {
    const g = wgs84ToGcj02(w)
    w = { lng: w.lng - (g.lng - p.lng), lat: w.lat - (g.lat - p.lat) }
  }
  return w
}
