import type { ApiIn } from '../../../src/contracts/api'
import { canProxy } from '../../../src/core/proxy'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { NOT_AN_AGENT } from '../shared/proxyAgent'
import { raiseFor } from './raise'

/**
 * `help.proxyRaise` (代为求助): a grid worker or 代办员 asks for help for the person who is with them,
 * where they are or at a point they picked, inside their own area. The community's on-duty helpers are
 * told as for any request; the agent follows it (and hears the person's notices) until the person
 * claims it by their phone.
 */
export async function proxyRaise(d: Deps, actor: Actor, input: ApiIn<'help.proxyRaise'>) {
  if (!canProxy(actor)) return NOT_AN_AGENT
  const { proxy, declaration: _declared, ...request } = input
  return raiseFor(d, actor, request, proxy)
}
