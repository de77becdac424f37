import type { ApiIn } from '../../../src/contracts/api'
import { joinCase } from '../../../src/core/kinds/mediation'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { saveTransition } from '../shared/persist'
import { mediationView } from './caseView'
import { invitedParty } from './invitedParty'
import { openNames, sealNames } from './names'
import { phoneVault } from './phones'

export async function join(d: Deps, actor: Actor, input: ApiIn<'mediation.join'>) {
  const found = await invitedParty(d, actor, input.invite)
  if ('ok' in found) return found
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  // The core compares the name given for the party with the one confirmed: both in clear, then sealed again.
  const out = joinCase(openNames(vault, found.c), { userId: actor.userId, secret: found.secret, name: input.name, consent: input.consent, reason: input.reason, now: d.clock.now(), eventId: d.newId() })
  if (!out.ok) return out
  const next = sealNames(vault, out.case)
  const conflict = await saveTransition(d, found.c, next, out.event)
  if (conflict) return conflict
  // The follow lists the case among the respondent's own and brings its notifications.
  await d.store.follow(found.c.id, actor.userId, d.clock.now().toISOString())
  const tree = await d.orgTree()
  return { ok: true as const, case: await mediationView(d, tree, actor, next) }
}
