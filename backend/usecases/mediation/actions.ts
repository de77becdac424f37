import type { ActionView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { MEDIATION } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { actingRole } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import { pl } from './views'

const NEEDS: Record<string, ActionView['needs']> = {
  reject: ['note'],
  reassign: ['assignee', 'note'],
  decline: ['note'],
  record_session: ['note'],
  fail: ['note'],
  rate: ['rating'],
}

/**
 * The moves the viewer may make now. Rows whose guard depends only on who acts (the assigned
 * mediator, a pending respondent, a party who has not confirmed or rated) are filtered here so
 * the app never offers a button that can only fail.
 */
export function actionsOf(tree: OrgTree, actor: Actor, c: Case): ActionView[] {
  const p = pl(c)
  const seen = new Set<string>()
  const out: ActionView[] = []
  for (const r of MEDIATION.rules) {
    if (seen.has(r.action) || !r.from.includes(c.status)) continue
    const role = actingRole(tree, actor, c, r.roles.filter((x) => x !== 'system'))
    if (!role) continue
    if (role === 'mediator' && c.assigneeId !== actor.userId) continue
    if (role === 'respondent' && p.parties.find((x) => x.userId === actor.userId)?.consent !== 'pending' && (r.action === 'consent' || r.action === 'decline')) continue
    if (r.action === 'confirm_agreement' && p.agreement?.confirmations.some((x) => x.userId === actor.userId && x.version === p.agreement!.version)) continue
    if (r.action === 'rate' && p.ratings[actor.userId]) continue
    if (r.action === 'mark_judicial' && p.judicialConfirmation) continue
    seen.add(r.action)
    out.push({ action: r.action, label: labelOf(MEDIATION.actionLabels, r.action), needs: NEEDS[r.action] ?? [] })
  }
  return out
}
