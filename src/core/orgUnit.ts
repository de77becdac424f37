/** One unit of the org tree and its levels: the data both OrgTree and GridIndex read. */
export type OrgLevel = 'city' | 'district' | 'street' | 'community' | 'grid'

export const ORG_LEVELS: readonly OrgLevel[] = ['city', 'district', 'street', 'community', 'grid']

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  city: '市',
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
}

/** GeoJSON polygon in WGS84 [lng, lat] order; the first ring is the outline. */
export interface GeoPolygon {
  type: 'Polygon'
  coordinates: number[][][]
}

export interface OrgUnit {
  code: string
  name: string
  level: OrgLevel
  parentCode: string | null
  /** Grids carry their boundary; other levels may leave it out. */
  polygon?: GeoPolygon
  /** Public contact phone of the unit's station (grid station, street centre). */
  phone?: string
  /** What people call a street in a case number (京溪 for 京溪街道); derived from the name when absent. */
  shortName?: string
}
