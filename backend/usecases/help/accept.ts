import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { actOnHelp } from './commands'
import { helpDetail } from './detail'

/**
 * `help.accept`: the first helper wins. The version the page saw does not matter (whoever is first
 * takes it): two at once meet in the store's version check, and the second is told 已有人响应.
 */
export async function accept(d: Deps, actor: Actor, input: ApiIn<'help.accept'>) {
  const r = await actOnHelp(d, actor, { id: input.id, action: 'accept' })
  if (!r.ok) return r
  return { ok: true as const, ...(await helpDetail(d, r.tree, actor, r.case)) }
}
