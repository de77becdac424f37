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
    .grids()
    .filter((g) => g.polygon)
    .sort((a, b) => a.code.localeCompare(b.code))
    .find((g) => pointInPolygon(p, g.polygon as GeoPolygon))
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
