import type { HelperCandidateView } from '../../../src/contracts/mediationHelpers'
import { helperIds } from '../../../src/core/kinds/mediationHelpers'
import { fail } from '../../../src/core/outcome'
import { HELPER_KIND_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { actingRole } from '../../../src/core/scope'
import { helperRoster, openHelpingCount } from './helperRoster'
import { readable } from './readableCase'

/** `mediation.helpers`: whom the case's own mediator may invite as 协助调解, with how busy each is. */
export async function helpers(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  // The assigned mediator, also on a case they happen to be a party of (the table's invite_helper says the same).
  if (c.assigneeId !== actor.userId || actingRole(tree, actor, c, ['mediator']) !== 'mediator') return fail('FORBIDDEN', '只有承办调解员可以邀请协助调解人')
  const onCase = helperIds(c)
  const candidates: HelperCandidateView[] = []
  for (const { user, grant } of await helperRoster(d, tree, c)) {
    candidates.push({
      userId: user.id,
      name: user.name,
      kind: grant.helperKind,
      kindLabel: HELPER_KIND_LABELS[grant.helperKind],
      unitName: tree.get(grant.unitCode)?.name ?? grant.unitCode,
      phone: user.phone,
      invited: onCase.includes(user.id),
      openCases: await openHelpingCount(d, user.id),
    })
  }
  return { ok: true as const, helpers: candidates }
}
