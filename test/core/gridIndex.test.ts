import fc from 'fast-check'
import { gridAt, pointInPolygon } from '../../src/core/geo'
import { GridIndex } from '../../src/core/gridIndex'
import { OrgTree, type GeoPolygon, type OrgUnit } from '../../src/core/org'

/** What gridAt answered before the index: every grid in code order, first that contains the point. */
function linearGridAt(units: OrgUnit[], p: { lng: number; lat: number }): string | undefined {
  return units
    .filter((u) => u.level === 'grid' && u.polygon)
    .sort((a, b) => a.code.localeCompare(b.code))
    .find((g) => pointInPolygon(p, g.polygon!))?.code
}

const coord = fc.integer({ min: 0, max: 40 }).map((v) => 113 + v / 100)
const polygon: fc.Arbitrary<GeoPolygon> = fc
  .array(fc.tuple(coord, coord.map((v) => v - 90)), { minLength: 3, maxLength: 7 })
  .map((pts) => ({ type: 'Polygon' as const, coordinates: [[...pts.map(([a, b]) => [a, b]), [pts[0]![0], pts[0]![1]]]] }))

const tree = fc.array(polygon, { minLength: 0, maxLength: 30 }).map((polys) => [
  { code: '44', name: 'c', level: 'city' as const, parentCode: null },
  ...polys.map((polygon, i) => ({ code: `44${String((i * 37) % 100).padStart(3, '0')}${i}`, name: `g${i}`, level: 'grid' as const, parentCode: '44', polygon })),
])
// Points on the same lattice as the vertices hit edges and corners, where ties are decided by code order.
const point = fc.record({ lng: fc.integer({ min: -2, max: 42 }).map((v) => 113 + v / 100), lat: fc.integer({ min: -2, max: 42 }).map((v) => 23 + v / 100) })

describe('GridIndex', () => {
  it('answers what a scan over every grid in code order answers (overlaps, shared edges, outside points)', () => {
    fc.assert(
      fc.property(tree, fc.array(point, { minLength: 1, maxLength: 40 }), (units, points) => {
        const t = new OrgTree(units)
        for (const p of points) expect(gridAt(t, p)?.code).toBe(linearGridAt(units, p))
      }),
      { numRuns: 300 },
    )
  })

  it('returns no candidates outside the bounds or for an empty set of grids', () => {
    expect(new GridIndex([]).candidates(113, 23)).toEqual([])
    const g: OrgUnit = { code: 'g', name: 'g', level: 'grid', parentCode: null, polygon: { type: 'Polygon', coordinates: [[[113, 23], [113.1, 23], [113.1, 23.1], [113, 23]]] } }
    const index = new GridIndex([g])
    expect(index.candidates(112.99, 23.05)).toEqual([])
    expect(index.candidates(113.05, 23.01).map((u) => u.code)).toEqual(['g'])
  })

  it('keeps candidate lists short on a tiling of many grids', () => {
    const grids: OrgUnit[] = []
    for (let r = 0; r < 50; r++) {
      for (let c = 0; c < 60; c++) {
        const [w, s] = [113 + c * 0.0045, 23 + r * 0.004]
        grids.push({ code: `g${r}-${c}`, name: '', level: 'grid', parentCode: null, polygon: { type: 'Polygon', coordinates: [[[w, s], [w + 0.0045, s], [w + 0.0045, s + 0.004], [w, s + 0.004], [w, s]]] } })
      }
    }
    const index = new GridIndex(grids)
    const counts = grids.map((g) => index.candidates(g.polygon!.coordinates[0]![0]![0]! + 0.002, g.polygon!.coordinates[0]![0]![1]! + 0.002).length)
    expect(Math.max(...counts)).toBeLessThanOrEqual(4)
  })
})
