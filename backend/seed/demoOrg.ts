import type { GeoPolygon, OrgUnit } from '../../src/core/org'

/**
 * A demo street in Baiyun district: 京溪街道 with three communities of four grids each. Grid
 * boundaries are quadrilaterals laid over the real area north of 广州大道北 (WGS84), about
 * 450 m a side — the size of a 300–500 household grid.
 */
export const DEMO_CITY = '440100'
export const DEMO_DISTRICT = '440111'
export const DEMO_STREET = '440111010'

const ORIGIN = { lng: 113.318, lat: 23.179 }
const STEP = { lng: 0.0045, lat: 0.004 }

const COMMUNITIES = [
  { code: '440111010001', name: '云景社区' },
  { code: '440111010002', name: '犀牛角社区' },
  { code: '440111010003', name: '京溪社区' },
]

function cell(col: number, row: number): GeoPolygon {
  const w = ORIGIN.lng + col * STEP.lng
  const s = ORIGIN.lat + row * STEP.lat
  const e = w + STEP.lng
  const n = s + STEP.lat
  const r = (x: number) => Math.round(x * 1e6) / 1e6
  return { type: 'Polygon', coordinates: [[[r(w), r(s)], [r(e), r(s)], [r(e), r(n)], [r(w), r(n)], [r(w), r(s)]]] }
}

export function communityCode(community: number): string {
  return COMMUNITIES[community]!.code
}

export function gridCode(community: number, n: number): string {
  return `${COMMUNITIES[community]!.code}${String(n).padStart(3, '0')}`
}

/** Centre of a demo grid, for tests and the demo walk-through. */
export function gridCentre(community: number, n: number): { lng: number; lat: number } {
  return { lng: ORIGIN.lng + (n - 0.5) * STEP.lng, lat: ORIGIN.lat + (community + 0.5) * STEP.lat }
}

export function demoUnits(): OrgUnit[] {
  const units: OrgUnit[] = [
    { code: DEMO_CITY, name: '广州市', level: 'city', parentCode: null },
    { code: DEMO_DISTRICT, name: '白云区', level: 'district', parentCode: DEMO_CITY, phone: '020-36660000' },
    { code: DEMO_STREET, name: '京溪街道', level: 'street', parentCode: DEMO_DISTRICT, phone: '020-87700000' },
  ]
  COMMUNITIES.forEach((c, row) => {
    units.push({ code: c.code, name: c.name, level: 'community', parentCode: DEMO_STREET, phone: `020-877010${row}0` })
    for (let n = 1; n <= 4; n++) {
      units.push({
        code: gridCode(row, n),
        name: `${c.name}第${n}网格`,
        level: 'grid',
        parentCode: c.code,
        polygon: cell(n - 1, row),
        phone: `020-877010${row}${n}`,
      })
    }
  })
  return units
}
