import type { MediationActInput } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act as actOn } from '../shared/act'
import { detail } from './caseDetail'
import { MEDIATION_COMMANDS } from './commands'
import { followInvitedHelpers } from './helping'

/** One move on a mediation case through the kind's declared commands; answers the refreshed detail. */
export async function act(d: Deps, actor: Actor, input: MediationActInput) {
  const r = await actOn(d, actor, MEDIATION_COMMANDS, input)
  if (!r.ok) return r
  await followInvitedHelpers(d, r.before, r.case)
  return { ok: true as const, ...(await detail(d, r.tree, actor, r.case)) }
}
