import type { ActInput } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act as actOn } from '../shared/act'
import { REPORT_COMMANDS } from './commands'
import { staffDetail } from './staffView'

/** `cases.act`: one move on one case through the report's declared commands; answers the refreshed detail. */
export async function act(d: Deps, actor: Actor, input: ActInput) {
  const r = await actOn(d, actor, REPORT_COMMANDS, input)
  if (!r.ok) return r
  return { ok: true as const, ...(await staffDetail(d, r.tree, actor, r.case)) }
}
