import { distanceMetres, gridAt, isValidPoint, pointInPolygon } from '../../src/core/geo'
import { OrgTree, ORG_LEVELS, type OrgUnit } from '../../src/core/org'
import {
  CITY,
  COMMUNITY,
  COMMUNITY_B,
  DISTRICT,
  GRID1,
  GRID1_POLY,
  GRID2,
  GRID_B,
  makeTree,
  square,
  STREET,
  STREET_B,
  UNITS,
} from './fixtures'

const tree = makeTree()

describe('gridAt', () => {
  it.each([
    [GRID1, 113.305, 23.205],
    [GRID2, 113.315, 23.205],
    [GRID_B, 113.405, 23.209],
    [GRID1, 113.3001, 23.2001],
    [GRID2, 113.3199, 23.2099],
  ])('finds %s for (%f, %f)', (code, lng, lat) => {
    expect(gridAt(tree, { lng, lat })?.code).toBe(code)
  })

  it.each([
    ['between the streets', 113.35, 23.205],
    ['south of grid 1', 113.305, 23.19],
    ['north of grid 2', 113.315, 23.211],
    ['lat/lng swapped', 23.205, 113.305],
    ['the origin', 0, 0],
  ])('returns undefined %s', (_why, lng, lat) => {
    expect(gridAt(tree, { lng, lat })).toBeUndefined()
  })

  it.each([
    ['NaN lng', Number.NaN, 23.205],
    ['NaN lat', 113.305, Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY, 23.205],
    ['-Infinity', 113.305, Number.NEGATIVE_INFINITY],
    ['lng 181', 181, 23.205],
    ['lng -180.0001', -180.0001, 23.205],
    ['lat 91', 113.305, 91],
    ['lat -90.5', 113.305, -90.5],
  ])('returns undefined for invalid coordinates: %s', (_why, lng, lat) => {
    expect(isValidPoint({ lng, lat })).toBe(false)
    expect(() => gridAt(tree, { lng, lat })).not.toThrow()
    expect(gridAt(tree, { lng, lat })).toBeUndefined()
  })

  it('refuses an out-of-range point even where a polygon would contain it', () => {
    // A (bad) grid drawn across the antimeridian: geometry alone would accept lng 181.
    const wild = new OrgTree([{ code: 'g', name: 'g', level: 'grid', parentCode: null, polygon: square(179, 0, 5) }])
    expect(gridAt(wild, { lng: 180, lat: 1 })?.code).toBe('g')
    expect(gridAt(wild, { lng: 181, lat: 1 })).toBeUndefined()
  })

  it('accepts the extreme valid coordinates', () => {
    for (const p of [
      { lng: 180, lat: 90 },
      { lng: -180, lat: -90 },
      { lng: 0, lat: 0 },
    ])
      expect(isValidPoint(p)).toBe(true)
  })

  it('on the shared edge of two grids picks the lower code, whatever the input order', () => {
    const edge = { lng: 113.31, lat: 23.205 }
    expect(gridAt(tree, edge)?.code).toBe(GRID1)
    expect(gridAt(new OrgTree([...UNITS].reverse()), edge)?.code).toBe(GRID1)
  })

  it('ignores grids without a polygon and non-grid units with one', () => {
    const units: OrgUnit[] = [
      { code: CITY, name: '市', level: 'city', parentCode: null, polygon: square(113, 23, 1) },
      { code: GRID1, name: '无边界网格', level: 'grid', parentCode: CITY },
    ]
    expect(gridAt(new OrgTree(units), { lng: 113.5, lat: 23.5 })).toBeUndefined()
  })

  it('pointInPolygon uses [lng, lat] order', () => {
    expect(pointInPolygon({ lng: 113.305, lat: 23.205 }, GRID1_POLY)).toBe(true)
    expect(pointInPolygon({ lng: 23.205, lat: 113.305 }, GRID1_POLY)).toBe(false)
  })

  it('respects holes in a polygon', () => {
    const holed = {
      type: 'Polygon' as const,
      coordinates: [square(0, 0, 10).coordinates[0], square(4, 4, 2).coordinates[0]],
    }
    expect(pointInPolygon({ lng: 1, lat: 1 }, holed)).toBe(true)
    expect(pointInPolygon({ lng: 5, lat: 5 }, holed)).toBe(false)
  })
})

describe('OrgTree', () => {
  it('chain runs from the unit up to the city', () => {
    expect(tree.chain(GRID2).map((u) => u.code)).toEqual([GRID2, COMMUNITY, STREET, DISTRICT, CITY])
    expect(tree.chain(GRID2).map((u) => u.level)).toEqual([...ORG_LEVELS].reverse())
    expect(tree.chain(CITY).map((u) => u.code)).toEqual([CITY])
    expect(tree.chain('999')).toEqual([])
  })

  it('chain stops on a cycle instead of looping forever', () => {
    const cyclic = new OrgTree([
      { code: 'a', name: 'A', level: 'street', parentCode: 'b' },
      { code: 'b', name: 'B', level: 'district', parentCode: 'a' },
    ])
    expect(cyclic.chain('a').map((u) => u.code)).toEqual(['a', 'b'])
    expect(cyclic.isWithin('a', 'zzz')).toBe(false)
  })

  it('ancestorAt finds the unit at a level, including itself', () => {
    expect(tree.ancestorAt(GRID1, 'street')?.code).toBe(STREET)
    expect(tree.ancestorAt(GRID_B, 'street')?.code).toBe(STREET_B)
    expect(tree.ancestorAt(GRID_B, 'community')?.code).toBe(COMMUNITY_B)
    expect(tree.ancestorAt(GRID1, 'grid')?.code).toBe(GRID1)
    expect(tree.ancestorAt(STREET, 'city')?.code).toBe(CITY)
    expect(tree.ancestorAt(STREET, 'grid')).toBeUndefined()
    expect(tree.ancestorAt('999', 'city')).toBeUndefined()
  })

  it('isWithin is true for itself and its ancestors only', () => {
    expect(tree.isWithin(GRID1, GRID1)).toBe(true)
    expect(tree.isWithin(GRID1, COMMUNITY)).toBe(true)
    expect(tree.isWithin(GRID1, STREET)).toBe(true)
    expect(tree.isWithin(GRID1, CITY)).toBe(true)
    expect(tree.isWithin(GRID1, GRID2)).toBe(false)
    expect(tree.isWithin(GRID1, STREET_B)).toBe(false)
    expect(tree.isWithin(STREET, GRID1)).toBe(false)
    expect(tree.isWithin(GRID_B, STREET)).toBe(false)
    expect(tree.isWithin('999', CITY)).toBe(false)
  })

  it('isWithin does not match by code prefix', () => {
    // 440111010001001 starts with 4401110 but no such unit is its ancestor.
    expect(tree.isWithin(GRID1, '4401110')).toBe(false)
    expect(tree.isWithin(GRID1, '44011101000')).toBe(false)
  })

  it('parent goes one level up and stops at the city', () => {
    expect(tree.parent(GRID1)?.code).toBe(COMMUNITY)
    expect(tree.parent(COMMUNITY)?.code).toBe(STREET)
    expect(tree.parent(STREET)?.code).toBe(DISTRICT)
    expect(tree.parent(DISTRICT)?.code).toBe(CITY)
    expect(tree.parent(CITY)).toBeUndefined()
    expect(tree.parent('999')).toBeUndefined()
  })

  it('path reads from the top down', () => {
    expect(tree.path(GRID1)).toBe('广州市 白云区 京溪街道 云景社区 第一网格')
    expect(tree.path(STREET_B)).toBe('广州市 白云区 同德街道')
    expect(tree.path('999')).toBe('')
    // path() must not reorder chain() in place.
    expect(tree.chain(GRID1)[0].code).toBe(GRID1)
  })

  it('children, grids, get and all', () => {
    expect(tree.children(COMMUNITY).map((u) => u.code).sort()).toEqual([GRID1, GRID2])
    expect(tree.children(DISTRICT).map((u) => u.code).sort()).toEqual([STREET, STREET_B])
    expect(tree.children(GRID1)).toEqual([])
    expect(tree.grids().map((u) => u.code).sort()).toEqual([GRID1, GRID2, GRID_B])
    expect(tree.get(STREET)?.name).toBe('京溪街道')
    expect(tree.get('999')).toBeUndefined()
    expect(tree.all()).toHaveLength(UNITS.length)
  })
})

describe('distanceMetres', () => {
  it('0.001° of latitude is about 111 m (within 1%)', () => {
    const d = distanceMetres({ lng: 113.3, lat: 23.2 }, { lng: 113.3, lat: 23.201 })
    expect(Math.abs(d - 111.2) / 111.2).toBeLessThan(0.01)
  })

  it('0.001° of longitude at 23.2°N is about 102 m (cos latitude)', () => {
    const d = distanceMetres({ lng: 113.3, lat: 23.2 }, { lng: 113.301, lat: 23.2 })
    const expected = 111195 * 0.001 * Math.cos((23.2 * Math.PI) / 180)
    expect(Math.abs(d - expected) / expected).toBeLessThan(0.01)
  })

  it('Guangzhou Tower to the Canton Fair complex is about 4.1 km', () => {
    // 广州塔 (113.3245, 23.1064) → 广交会展馆 (113.3650, 23.1050): ~4.1 km, nearly along a parallel.
    const d = distanceMetres({ lng: 113.3245, lat: 23.1064 }, { lng: 113.365, lat: 23.105 })
    const expected = Math.hypot(111195 * 0.0014, 111195 * 0.0405 * Math.cos((23.1057 * Math.PI) / 180))
    expect(Math.abs(d - expected) / expected).toBeLessThan(0.01)
  })

  it('is zero for the same point, symmetric, and half the circumference for antipodes', () => {
    const a = { lng: 113.3, lat: 23.2 }
    const b = { lng: 113.4, lat: 23.1 }
    expect(distanceMetres(a, a)).toBe(0)
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6)
    const half = Math.PI * 6371008.8
    expect(Math.abs(distanceMetres({ lng: 0, lat: 0 }, { lng: 180, lat: 0 }) - half) / half).toBeLessThan(1e-9)
  })
})

describe('centroid', () => {
  it('is the mean of the outline vertices, the closing vertex counted once', async () => {
    const { centroid } = await import('../../src/core/geo')
    const c = centroid({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })
    expect(c).toEqual({ lng: 1, lat: 1 })
  })
})
