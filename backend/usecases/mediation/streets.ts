import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'

/** Mediation is taken per street: a grant below a street reaches its street, one above reaches every street under it. */
export function streetsOf(tree: OrgTree, unitCode: string): string[] {
  const u = tree.get(unitCode)
  if (!u) return []
  if (u.level === 'street') return [u.code]
  const up = tree.ancestorAt(unitCode, 'street')
  if (up) return [up.code]
  return tree.all().filter((x) => x.level === 'street' && tree.isWithin(x.code, unitCode)).map((x) => x.code)
}

/** The streets the caller answers for as the centre (dispatcher or admin); empty for anyone else. */
export function centreStreets(tree: OrgTree, actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').flatMap((g) => streetsOf(tree, g.unitCode))
}

/** The units a street's mediation cases sit at: the street and its communities (小事不出村). */
export function mediationUnits(tree: OrgTree, streetCode: string): string[] {
  return [streetCode, ...tree.children(streetCode).filter((u) => u.level === 'community').map((u) => u.code)]
}
