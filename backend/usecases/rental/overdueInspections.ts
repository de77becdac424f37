import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { buildingViews, countsBy } from './buildingView'
import { gridsOf } from './reads'
import { streetUnits } from './roles'

/** Buildings of the street whose monthly fire check is overdue or was never done. */
export async function overdueInspections(d: Deps, actor: Actor, input: { street?: string }) {
  const units = streetUnits(actor)
  if (units.length === 0) return fail('FORBIDDEN', '仅街道综治中心或管理员可查看')
  const tree = await d.orgTree()
  const within = input.street ? units.filter((u) => tree.isWithin(input.street!, u)).map(() => input.street!) : units
  if (within.length === 0) return fail('FORBIDDEN', '该街道不在您的管辖范围内')
  const grids = gridsOf(tree, within)
  const all = await d.store.buildingsInGrids(grids)
  const list = await buildingViews(d, all, await countsBy(d, { gridCodes: grids }))
  return { ok: true as const, buildings: list.filter((b) => b.inspectionState === 'overdue' || b.inspectionState === 'never') }
}
