import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** The grids the caller has joined (a request still waiting does not count). */
export async function myGrids(d: Deps, actor: Actor): Promise<string[]> {
  return (await d.store.membershipsOf(actor.userId)).filter((m) => m.status === 'joined').map((m) => m.gridCode)
}
