import type { GridShape } from '../../../src/contracts/api'
import { centroid, distanceMetres, type GeoPoint } from '../../../src/core/geo'
import type { OrgUnit } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { gridView } from '../shared/gridView'

/** `reports.gridMap`: grids for the point picker, the 200 nearest a point, or all when none is given. */
export async function gridMap(d: Deps, _actor: Actor, p: Partial<GeoPoint>) {
  const tree = await d.orgTree()
  const grids = tree.grids().filter((g) => g.polygon)
  const centre = (g: OrgUnit): GeoPoint => centroid(g.polygon!)
  const origin = p.lng !== undefined && p.lat !== undefined ? { lng: p.lng, lat: p.lat } : undefined
  const chosen = origin
    ? grids.sort((a, b) => distanceMetres(origin, centre(a)) - distanceMetres(origin, centre(b))).slice(0, 200)
    : grids.slice(0, 200)
  const shapes: GridShape[] = chosen.map((g) => ({ ...gridView(tree, g), polygon: g.polygon!.coordinates }))
  return { ok: true as const, grids: shapes }
}
