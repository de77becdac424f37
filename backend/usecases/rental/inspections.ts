import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { inspectionView } from './inspectionView'
import { Names } from './reads'
import { isManager } from './roles'

/** A building's fire inspections, for its manager and the street's staff. */
export async function inspections(d: Deps, actor: Actor, input: { buildingId: string }) {
  const b = await d.store.getBuilding(input.buildingId)
  const tree = await d.orgTree()
  const street = actor.grants.some((g) => (g.role === 'dispatcher' || g.role === 'admin') && b && tree.isWithin(b.gridCode, g.unitCode))
  if (!b || !(street || (b.managerId === actor.userId && isManager(actor)))) return fail('NOT_FOUND', '楼栋不存在或无权查看')
  const names = new Names(d)
  const out = []
  for (const i of await d.store.listInspections(b.id)) out.push(await inspectionView(d, i, names))
  return { ok: true as const, inspections: out }
}
