/** Flat projection of a few grids onto an SVG: at street scale a cos(lat)-scaled plate carrée is exact enough. */
export interface Projection {
  width: number
  height: number
  toXY(p: readonly [number, number] | number[]): [number, number]
  toLngLat(x: number, y: number): [number, number]
}

export function fitProjection(rings: number[][][], width: number, pad = 16): Projection {
  let minLng = Infinity
  let maxLng = -Infinity
  let minLat = Infinity
  let maxLat = -Infinity
  for (const ring of rings)
    for (const [lng, lat] of ring) {
      minLng = Math.min(minLng, lng)
      maxLng = Math.max(maxLng, lng)
      minLat = Math.min(minLat, lat)
      maxLat = Math.max(maxLat, lat)
    }
  if (!Number.isFinite(minLng)) {
    minLng = maxLng = 0
    minLat = maxLat = 0
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = Math.max((maxLng - minLng) * kx, 1e-9)
  const spanY = Math.max(maxLat - minLat, 1e-9)
  const scale = (width - 2 * pad) / spanX
  const height = Math.round(spanY * scale + 2 * pad)
  return {
    width,
    height,
    toXY: (p) => [pad + (p[0] - minLng) * kx * scale, pad + (maxLat - p[1]) * scale],
    toLngLat: (x, y) => [minLng + (x - pad) / scale / kx, maxLat - (y - pad) / scale],
  }
}

/** Ray casting on one ring of [lng, lat]. */
export function inRing(pt: [number, number], ring: number[][]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Outer ring minus holes, GeoJSON polygon style. */
export function inPolygon(pt: [number, number], polygon: number[][][]): boolean {
  if (!polygon.length || !inRing(pt, polygon[0])) return false
  return !polygon.slice(1).some((hole) => inRing(pt, hole))
}

export function centroid(ring: number[][]): [number, number] {
  let x = 0
  let y = 0
  const n = Math.max(ring.length - (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? 1 : 0), 1)
  for (let i = 0; i < n; i++) {
    x += ring[i][0]
    y += ring[i][1]
  }
  return [x / n, y / n]
}
