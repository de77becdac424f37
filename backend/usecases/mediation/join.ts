import { joinCase } from '../../../src/core/kinds/mediation'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { saveTransition } from '../shared/persist'
import { mediationView } from './caseView'
import { byInvite } from './inviteCode'

export async function join(d: Deps, actor: Actor, input: { invite: string }) {
  const found = await byInvite(d, input.invite)
  if ('ok' in found) return found
  const out = joinCase(found.c, actor.userId, found.secret, d.clock.now(), d.newId())
  if (!out.ok) return out
  const conflict = await saveTransition(d, found.c, out.case, out.event)
  if (conflict) return conflict
  // The follow lists the case among the respondent's own and brings its notifications.
  await d.store.follow(found.c.id, actor.userId, d.clock.now().toISOString())
  const tree = await d.orgTree()
  return { ok: true as const, case: await mediationView(d, tree, actor, out.case) }
}
