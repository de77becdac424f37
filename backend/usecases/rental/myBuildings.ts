import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { buildingViews, countsBy } from './buildingView'
import { isManager } from './roles'

/** A building manager's own buildings with their registration counts. */
export async function myBuildings(d: Deps, actor: Actor) {
  if (!isManager(actor)) return { ok: true as const, buildings: [] }
  const buildings = await d.store.buildingsOf(actor.userId)
  return { ok: true as const, buildings: await buildingViews(d, buildings, await countsBy(d, { assigneeId: actor.userId })) }
}
