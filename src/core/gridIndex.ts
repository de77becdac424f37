import type { GeoPolygon, OrgUnit } from './orgUnit'

interface Box {
  minLng: number
  minLat: number
  maxLng: number
  maxLat: number
}

interface Entry {
  unit: OrgUnit
  box: Box
}

function boxOf(polygon: GeoPolygon): Box {
  const b = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity }
  for (const [lng, lat] of polygon.coordinates[0] ?? []) {
    b.minLng = Math.min(b.minLng, lng!)
    b.maxLng = Math.max(b.maxLng, lng!)
    b.minLat = Math.min(b.minLat, lat!)
    b.maxLat = Math.max(b.maxLat, lat!)
  }
  return b
}

/**
 * Bounding-box buckets over a set of grid polygons: the area is cut into about as many cells
 * as there are grids, and each cell lists (in code order) the grids whose bounding box reaches
 * into it. A point then meets a handful of candidates instead of every grid of the district.
 * Any grid containing the point has it inside its box, so it is among the candidates of the
 * point's cell: the answer is the same as scanning every grid in code order.
 */
export class GridIndex {
  private readonly cells: Entry[][] = []
  private readonly cols: number = 1
  private readonly rows: number = 1
  private readonly bounds: Box = { minLng: 0, minLat: 0, maxLng: 0, maxLat: 0 }

  constructor(grids: readonly OrgUnit[]) {
    const entries = grids
      .filter((g) => g.polygon && (g.polygon.coordinates[0]?.length ?? 0) > 0)
      .map((g) => ({ unit: g, box: boxOf(g.polygon!) }))
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code))
    if (entries.length === 0) return
    const all = entries.reduce<Box>(
      (b, e) => ({ minLng: Math.min(b.minLng, e.box.minLng), minLat: Math.min(b.minLat, e.box.minLat), maxLng: Math.max(b.maxLng, e.box.maxLng), maxLat: Math.max(b.maxLat, e.box.maxLat) }),
      { ...entries[0]!.box },
    )
    this.bounds = all
    const side = Math.ceil(Math.sqrt(entries.length))
    const w = all.maxLng - all.minLng
    const h = all.maxLat - all.minLat
    // Keep cells roughly square whatever the district's shape.
    const aspect = w > 0 && h > 0 ? w / h : 1
    this.cols = Math.max(1, Math.min(4 * side, Math.round(side * Math.sqrt(aspect))))
    this.rows = Math.max(1, Math.min(4 * side, Math.round(side / Math.sqrt(aspect))))
    for (let i = 0; i < this.cols * this.rows; i++) this.cells.push([])
    for (const e of entries) {
      const [c0, r0] = this.cellOf(e.box.minLng, e.box.minLat)
      const [c1, r1] = this.cellOf(e.box.maxLng, e.box.maxLat)
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.cells[r * this.cols + c]!.push(e)
    }
  }

  /** Column and row of the cell holding a coordinate, clamped to the grid of cells. */
  private cellOf(lng: number, lat: number): [number, number] {
    const b = this.bounds
    const fx = b.maxLng > b.minLng ? (lng - b.minLng) / (b.maxLng - b.minLng) : 0
    const fy = b.maxLat > b.minLat ? (lat - b.minLat) / (b.maxLat - b.minLat) : 0
    const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(v * n)))
    return [clamp(fx, this.cols), clamp(fy, this.rows)]
  }

  /** Grids whose bounding box contains the point, in code order. */
  candidates(lng: number, lat: number): OrgUnit[] {
    const b = this.bounds
    if (this.cells.length === 0 || lng < b.minLng || lng > b.maxLng || lat < b.minLat || lat > b.maxLat) return []
    const [c, r] = this.cellOf(lng, lat)
    const out: OrgUnit[] = []
    for (const e of this.cells[r * this.cols + c]!) {
      if (lng >= e.box.minLng && lng <= e.box.maxLng && lat >= e.box.minLat && lat <= e.box.maxLat) out.push(e.unit)
    }
    return out
  }
}
