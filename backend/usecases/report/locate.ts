import { gridAt, type GeoPoint } from '../../../src/core/geo'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { gridView } from '../shared/gridView'

export const OUT_OF_AREA = '该位置不在本区网格范围内，请重新选点'

/** `reports.locate`: the grid a point falls in, or OUT_OF_AREA. */
export async function locate(d: Deps, _actor: Actor, p: GeoPoint) {
  const tree = await d.orgTree()
  const g = gridAt(tree, p)
  return g ? { ok: true as const, grid: gridView(tree, g) } : fail('OUT_OF_AREA', OUT_OF_AREA)
}
