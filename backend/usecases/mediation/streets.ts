import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'

/**
 * Per org tree (never changed once built), a district's or city's streets: finding them walks
 * every unit (3,600 in a district), which was a seventh of what a district mediator's queue
 * page allocated when done twice a page.
 */
const streetsBelow = new WeakMap<OrgTree, Map<string, readonly string[]>>()

/** Mediation is taken per street: a grant below a street reaches its street, one above reaches every street under it. */
export function streetsOf(tree: OrgTree, unitCode: string): readonly string[] {
  const u = tree.get(unitCode)
  if (!u) return []
  if (u.level === 'street') return [u.code]
  const up = tree.ancestorAt(unitCode, 'street')
  if (up) return [up.code]
  let known = streetsBelow.get(tree)
  if (!known) streetsBelow.set(tree, (known = new Map()))
  let streets = known.get(unitCode)
  if (!streets) {
    streets = Object.freeze(tree.all().filter((x) => x.level === 'street' && tree.isWithin(x.code, unitCode)).map((x) => x.code))
    known.set(unitCode, streets)
  }
  return streets
}

/** The streets the caller answers for as the centre (dispatcher or admin); empty for anyone else. */
export function centreStreets(tree: OrgTree, actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').flatMap((g) => streetsOf(tree, g.unitCode))
}

/** The units a street's mediation cases sit at: the street and its communities (小事不出村). */
export function mediationUnits(tree: OrgTree, streetCode: string): string[] {
  return [streetCode, ...tree.children(streetCode).filter((u) => u.level === 'community').map((u) => u.code)]
}
