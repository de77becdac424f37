/**
 * A district-sized org tree for the bench: 24 streets (or as many as asked), ~140 communities, 3,420 grids whose
 * boundaries tile the area. Corners and edge midpoints are jittered lattice points shared by
 * neighbouring grids, so the polygons are irregular octagons without gaps or overlaps, like
 * surveyed grid boundaries. Deterministic (seeded), so runs compare.
 */
import { centroid, type GeoPoint } from '../../src/core/geo'
import type { GeoPolygon, OrgUnit } from '../../src/core/org'

export const CITY = '440100'
export const DISTRICT = '440111'
export const COLS = 60
export const ROWS = 57
/** The default 24 streets as 6 × 4 blocks of grids. */
const STREET_COLS = 6
const STREET_ROWS = 4
const GRIDS_PER_COMMUNITY = 25
const ORIGIN = { lng: 113.2, lat: 23.15 }
const STEP = { lng: 0.0045, lat: 0.004 }

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Jitter of a lattice point, a pure function of its position so neighbours agree. */
function jitter(x: number, y: number, kind: number): [number, number] {
  const r = rng((x * 7919 + y * 104729 + kind * 15485863) | 0)
  return [(r() - 0.5) * 0.3, (r() - 0.5) * 0.3]
}

/** Point of the half-step lattice: (2c, 2r) corners, odd coordinates edge midpoints. */
function latticePoint(hx: number, hy: number): number[] {
  const border = hx === 0 || hy === 0 || hx === COLS * 2 || hy === ROWS * 2
  const [jx, jy] = border ? [0, 0] : jitter(hx, hy, 1)
  const r = (v: number) => Math.round(v * 1e6) / 1e6
  return [r(ORIGIN.lng + ((hx + jx) / 2) * STEP.lng), r(ORIGIN.lat + ((hy + jy) / 2) * STEP.lat)]
}

function cellPolygon(c: number, r: number): GeoPolygon {
  const x = c * 2
  const y = r * 2
  const ring = [
    [x, y], [x + 1, y], [x + 2, y], [x + 2, y + 1], [x + 2, y + 2], [x + 1, y + 2], [x, y + 2], [x, y + 1], [x, y],
  ].map(([hx, hy]) => latticePoint(hx!, hy!))
  return { type: 'Polygon', coordinates: [ring] }
}

interface StreetLayout {
  cols: number
  rows: number
}

function streetOf(c: number, r: number, l: StreetLayout): number {
  const sc = Math.min(l.cols - 1, Math.floor((c * l.cols) / COLS))
  const sr = Math.min(l.rows - 1, Math.floor((r * l.rows) / ROWS))
  return sr * l.cols + sc
}

/** `n` streets as the most nearly square blocks: 10 → 5 × 2 (342 grids each). */
function layoutOf(n: number | undefined): StreetLayout {
  if (n === undefined) return { cols: STREET_COLS, rows: STREET_ROWS }
  let best: StreetLayout = { cols: n, rows: 1 }
  for (let cols = 1; cols <= n; cols++) {
    if (n % cols !== 0) continue
    const l = { cols, rows: n / cols }
    if (Math.abs(Math.log(l.cols / l.rows)) < Math.abs(Math.log(best.cols / best.rows)) || (Math.abs(Math.log(l.cols / l.rows)) === Math.abs(Math.log(best.cols / best.rows)) && cols > best.cols)) best = l
  }
  return best
}

export interface District {
  units: OrgUnit[]
  streets: string[]
  grids: OrgUnit[]
  /** Grid code → its street code. */
  streetOfGrid: Map<string, string>
}

export interface DistrictOptions {
  /** How many streets share the 3,420 grids (24 by default; the queue figures use 10, as issue 21 says). */
  streets?: number
}

export function generateDistrict(opts: DistrictOptions = {}): District {
  const layout = layoutOf(opts.streets)
  const units: OrgUnit[] = [
    { code: CITY, name: '广州市', level: 'city', parentCode: null },
    { code: DISTRICT, name: '白云区', level: 'district', parentCode: CITY },
  ]
  const cellsByStreet = new Map<number, Array<[number, number]>>()
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const s = streetOf(c, r, layout)
      const list = cellsByStreet.get(s) ?? []
      list.push([c, r])
      cellsByStreet.set(s, list)
    }
  }
  const streets: string[] = []
  const grids: OrgUnit[] = []
  const streetOfGrid = new Map<string, string>()
  for (const [s, cells] of [...cellsByStreet.entries()].sort((a, b) => a[0] - b[0])) {
    const street = `${DISTRICT}${String(s + 1).padStart(3, '0')}`
    streets.push(street)
    units.push({ code: street, name: `第${s + 1}街道`, level: 'street', parentCode: DISTRICT, phone: '020-87700000' })
    cells.forEach(([c, r], i) => {
      const k = Math.floor(i / GRIDS_PER_COMMUNITY)
      const community = `${street}${String(k + 1).padStart(3, '0')}`
      if (i % GRIDS_PER_COMMUNITY === 0) units.push({ code: community, name: `第${s + 1}街道第${k + 1}社区`, level: 'community', parentCode: street })
      const code = `${community}${String((i % GRIDS_PER_COMMUNITY) + 1).padStart(3, '0')}`
      const g: OrgUnit = { code, name: `第${(i % GRIDS_PER_COMMUNITY) + 1}网格`, level: 'grid', parentCode: community, polygon: cellPolygon(c, r) }
      units.push(g)
      grids.push(g)
      streetOfGrid.set(code, street)
    })
  }
  return { units, streets, grids, streetOfGrid }
}

/** A point well inside a grid: its centroid nudged by at most a tenth of a cell. */
export function pointIn(g: OrgUnit, rand: () => number): GeoPoint {
  const c = centroid(g.polygon!)
  return { lng: c.lng + (rand() - 0.5) * 0.1 * STEP.lng, lat: c.lat + (rand() - 0.5) * 0.1 * STEP.lat }
}
