import type { ApiIn } from '../../../src/contracts/api'
import { canProxy } from '../../../src/core/proxy'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { NOT_AN_AGENT } from '../shared/proxyAgent'
import { register } from './checkIn'

/**
 * `rental.proxyCheckIn` (代办登记): a grid worker or 代办员 registers a tenant who is present, in a
 * building of their own area, after reading them the purpose and retention; the tenant's two consents
 * are recorded as given in person and the agent has ticked the declaration (the schema requires it).
 * The building's manager confirms as for any registration; the tenant claims it by their phone.
 */
export async function proxyCheckIn(d: Deps, actor: Actor, input: ApiIn<'rental.proxyCheckIn'>) {
  if (!canProxy(actor)) return NOT_AN_AGENT
  const { declaration: _declared, ...registration } = input
  return register(d, actor, registration, true)
}
