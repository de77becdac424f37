import type { Actor, Role } from '../../../src/core/roles'
import type { Building } from '../../ports'
import type { Deps } from '../../deps'

export function isManager(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'building_manager')
}

/** The units where the actor holds one of `roles`. */
export function unitsOf(actor: Actor, roles: readonly Role[]): string[] {
  return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitCode)
}

/** Street staff (综治中心, admin) see the buildings of their unit. */
export function streetUnits(actor: Actor): string[] {
  return unitsOf(actor, ['dispatcher', 'admin'])
}

/** The building, when the actor is a building manager and manages it; null otherwise. */
export async function ownBuilding(d: Deps, actor: Actor, buildingId: string): Promise<Building | null> {
  const b = await d.store.getBuilding(buildingId)
  return b && b.managerId === actor.userId && isManager(actor) ? b : null
}
