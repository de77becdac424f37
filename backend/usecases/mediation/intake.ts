import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { INTAKE_ROLES, intakeRoleAt, openMediationFrom, type IntakeRole } from '../../../src/core/kinds/mediationIntake'
import { MEDIATION, type Party } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { createOnce } from '../shared/persist'
import { placedAt, routeMediation, type Placed } from './committees'
import { claimInviteCodes, newInviteSecret } from './inviteCode'
import { openNames, sealNames } from './names'
import { phoneVault, sealedPhone } from './phones'
import { inviteViews } from './sourceView'

/** A party nobody has an account for yet: invited by a code that opens only for the phone given. */
export function invitedParty(vault: Vault, caseId: string, x: { name: string; phone: string }): Party {
  return { side: 'respondent', name: x.name.trim(), ...sealedPhone(vault, caseId, x.phone.trim()), userId: null, inviteSecret: newInviteSecret(), inviteByCode: true, consent: 'pending' }
}

/** What staff get back: the case by its number and every party's invitation code to hand out. */
export function openedAnswer(d: Deps, tree: OrgTree, actor: Actor, c: Case, replayed: boolean) {
  return {
    ok: true as const,
    case: { id: c.id, number: c.number ?? null, statusLabel: labelOf(MEDIATION.statusLabels, c.status), readable: canRead(tree, actor, c) },
    invites: inviteViews(openNames(d.vault, c)),
    replayed,
  }
}

/**
 * A mediator of the committee the type goes to (at its level: the community's for a neighbour dispute
 * found in a village) takes the dispute they entered at once (已受理, their case); anyone else's waits
 * for the centre to accept it (已申请).
 */
function ownCommittee(d: Deps, actor: Actor, role: IntakeRole, placed: Placed | null) {
  if (role !== 'mediator' || !placed) return undefined
  const code = placed.committee.code
  const unit = placed.committee.unitCode
  const mine = actor.grants.some((g) => g.role === 'mediator' && g.committee === code && (unit === null ? true : g.unitCode === unit))
  return mine ? { mediatorId: actor.userId, committee: code, timeLimitDays: d.config.mediation.timeLimitDays } : undefined
}

/**
 * 录入纠纷 (三捕三捉): a mediator, grid worker or dispatcher enters a dispute found where they work — on
 * patrol, from a 12345 ticket, a police call-out or a public-opinion lead. Every party is invited by
 * their own code (mediationIntake.ts says why there is no applicant); names and phones sealed as in apply.
 */
export async function intake(d: Deps, actor: Actor, input: ApiIn<'mediation.intake'>) {
  if (!actor.grants.some((g) => (INTAKE_ROLES as readonly string[]).includes(g.role))) return fail('FORBIDDEN', '仅调解员、网格员和综治中心可录入纠纷')
  const tree = await d.orgTree()
  const place = tree.get(input.placeCode)
  const street = place && (place.level === 'grid' || place.level === 'community') ? tree.ancestorAt(place.code, 'street') : undefined
  if (!place || !street) return fail('VALIDATION', '请选择纠纷发生的网格或社区', { placeCode: '不存在' })
  const role = intakeRoleAt(tree, actor, place.code)
  if (!role) return fail('FORBIDDEN', '只能录入您负责区域内的纠纷')
  const bad = await notOwnUpload(d, actor, input.evidence)
  if (bad !== null) return fail('VALIDATION', '证据材料无效，请重新上传', { evidence: bad })
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const id = d.newId()
  // 小事不出村: the committee of the level its type goes to first, where it happened.
  const placed = routeMediation(d.config, tree, input.disputeType, place.code)
  const { case: drafted, event } = openMediationFrom({
    id,
    eventId: d.newId(),
    idempotencyKey: input.idempotencyKey,
    now: d.clock.now(),
    streetCode: street.code,
    by: { userId: actor.userId, role },
    applicantId: null,
    source: input.source,
    ...(input.sourceRef?.trim() ? { sourceRef: input.sourceRef.trim() } : {}),
    placeCode: place.code,
    acceptedBy: ownCommittee(d, actor, role, placed),
    payload: {
      disputeType: input.disputeType,
      facts: input.facts.trim(),
      claims: input.claims.trim(),
      evidence: input.evidence,
      preferredWay: input.preferredWay,
      parties: input.parties.map((x) => invitedParty(vault, id, x)),
    },
  })
  const c = sealNames(vault, placedAt(drafted, placed))
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: 'mediation.intake', also: (tx) => claimInviteCodes(tx, c) })
  if ('ok' in made) return made
  return openedAnswer(d, tree, actor, made.case, made.replayed)
}
