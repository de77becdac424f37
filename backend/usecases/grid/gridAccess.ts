import type { OrgTree, OrgUnit } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

const NOT_YOURS = '只有本网格的网格员可以管理'

/** The grid's own workers (and the street and district above it) manage the board. */
export function canManage(tree: OrgTree, actor: Actor, gridCode: string): boolean {
  return actor.grants.some((g) => (g.role === 'grid_worker' || g.role === 'dispatcher' || g.role === 'admin') && tree.isWithin(gridCode, g.unitCode))
}

export function gridOr404(tree: OrgTree, code: string): OrgUnit | Failure {
  const g = tree.get(code)
  return g && g.level === 'grid' ? g : fail('NOT_FOUND', '网格不存在')
}

/** The grid when the caller manages it, with the tree it was read from. */
export async function managed(d: Deps, actor: Actor, code: string): Promise<{ tree: OrgTree; g: OrgUnit } | Failure> {
  const tree = await d.orgTree()
  const g = gridOr404(tree, code)
  if ('ok' in g) return g
  if (!canManage(tree, actor, g.code)) return fail('FORBIDDEN', NOT_YOURS)
  return { tree, g }
}
