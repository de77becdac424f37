import type { OrgTree } from '../../../src/core/org'
import type { Actor, Role } from '../../../src/core/roles'

/**
 * The communities whose requests a grant of `roles` reaches: the community a grid or community grant
 * lies in, or every community under a street or district grant.
 */
export function communitiesOf(tree: OrgTree, actor: Actor, roles: readonly Role[]): string[] {
  const out = new Set<string>()
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue
    const up = tree.ancestorAt(g.unitCode, 'community')
    if (up) out.add(up.code)
    else for (const u of tree.all()) if (u.level === 'community' && tree.isWithin(u.code, g.unitCode)) out.add(u.code)
  }
  return [...out]
}
