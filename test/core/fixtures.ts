import type { Case } from '../../src/core/case'
import type { ReportCase, ReportPayload } from '../../src/core/kinds/report'
import { OrgTree, type GeoPolygon, type OrgUnit } from '../../src/core/org'
import type { Actor, Role, RoleGrant } from '../../src/core/roles'

/** Axis-aligned square polygon, [lng, lat] order, closed ring. */
export function square(lng: number, lat: number, size: number): GeoPolygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  }
}

export const CITY = '440100'
export const DISTRICT = '440111'
export const STREET = '440111010'
export const COMMUNITY = '440111010001'
export const GRID1 = '440111010001001'
export const GRID2 = '440111010001002'
export const STREET_B = '440111020'
export const COMMUNITY_B = '440111020001'
export const GRID_B = '440111020001001'

/** Grid squares side by side, 0.01° wide, around Baiyun district. */
export const GRID1_POLY = square(113.3, 23.2, 0.01)
export const GRID2_POLY = square(113.31, 23.2, 0.01)
export const GRID_B_POLY = square(113.4, 23.2, 0.01)

export const UNITS: OrgUnit[] = [
  { code: CITY, name: '广州市', level: 'city', parentCode: null },
  { code: DISTRICT, name: '白云区', level: 'district', parentCode: CITY },
  { code: STREET, name: '京溪街道', level: 'street', parentCode: DISTRICT },
  { code: COMMUNITY, name: '云景社区', level: 'community', parentCode: STREET },
  { code: GRID1, name: '第一网格', level: 'grid', parentCode: COMMUNITY, polygon: GRID1_POLY },
  { code: GRID2, name: '第二网格', level: 'grid', parentCode: COMMUNITY, polygon: GRID2_POLY },
  { code: STREET_B, name: '同德街道', level: 'street', parentCode: DISTRICT },
  { code: COMMUNITY_B, name: '同德社区', level: 'community', parentCode: STREET_B },
  { code: GRID_B, name: '同德第一网格', level: 'grid', parentCode: COMMUNITY_B, polygon: GRID_B_POLY },
]

export function makeTree(): OrgTree {
  return new OrgTree(UNITS)
}

export function actor(userId: string, ...grants: RoleGrant[]): Actor {
  return { userId, name: userId, grants }
}

export function grant(role: Role, unitCode: string, department?: string): RoleGrant {
  return department === undefined ? { role, unitCode } : { role, unitCode, department }
}

export const NOW = new Date('2026-11-23T08:00:00.000Z')
export const DEPT = 'chengguan'
export const RESIDENT_ID = 'u-resident'

export function reportCase(overrides: Partial<ReportCase> = {}, payload: Partial<ReportPayload> = {}): Case {
  const c: ReportCase = {
    id: 'case-1',
    kind: 'report',
    status: 'submitted',
    unitCode: GRID1,
    gridCode: GRID1,
    assigneeId: null,
    category: 'environment',
    payload: {
      description: '楼道堆放杂物',
      photos: ['before-1.jpg'],
      location: { lng: 113.305, lat: 23.205, address: '云景路 1 号' },
      anonymous: false,
      department: DEPT,
      ...payload,
    },
    creatorId: RESIDENT_ID,
    idempotencyKey: 'idem-1',
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-22T08:00:00.000Z',
    slaDeadline: null,
    version: 3,
    ...overrides,
  }
  return c as unknown as Case
}

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o)
    for (const v of Object.values(o as object)) deepFreeze(v)
  }
  return o
}
