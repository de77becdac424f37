import type { IntakeInvite, MediationSourceView } from '../../../src/contracts/mediationIntake'
import type { MediationView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { hasApplicant } from '../../../src/core/kinds/mediationIntake'
import { isProxiedCreator } from '../../../src/core/proxyMark'
import { MEDIATION_SOURCE_LABELS, sourceOf, sourceText } from '../../../src/core/kinds/mediationSources'
import { ROLE_LABELS } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { inviteCodeOf, invitePath } from './inviteCode'
import { pl } from './payload'

/** Where the case came from; who entered it is for staff only (the parties deal with the committee). */
export async function sourceView(d: Deps, c: Case, staff: boolean): Promise<MediationSourceView> {
  const p = pl(c)
  const code = sourceOf(p)
  let enteredBy: string | null = null
  if (staff && p.enteredBy) {
    const u = await d.store.getUser(p.enteredBy.userId)
    enteredBy = `${u?.name ?? '工作人员'}（${ROLE_LABELS[p.enteredBy.role] ?? '工作人员'}）`
  }
  return { code, label: MEDIATION_SOURCE_LABELS[code], text: sourceText(p), enteredBy }
}

/** Every party's invitation still to hand out (the respondent-side slots; on a staff-found dispute, every party). */
export function inviteViews(c: Case): IntakeInvite[] {
  return pl(c)
    .parties.filter((x) => x.side === 'respondent' && x.inviteSecret)
    .map((x) => ({ name: x.name, code: inviteCodeOf(c, x), path: invitePath(inviteCodeOf(c, x)), used: x.userId !== null }))
}

/**
 * Who forwards the invitations: the applicant; on a dispute staff entered (no applicant), the case's
 * mediator and centre, who give each party their code.
 */
export function invitesFor(c: Case, role: MediationView['myRole']): IntakeInvite[] {
  if (role === 'applicant') return inviteViews(c)
  if (!hasApplicant(c) && (role === 'mediator' || role === 'dispatcher')) return inviteViews(c)
  return []
}

/** 申请人 / 被申请人; on a dispute staff entered nobody applied, so each is 当事人. */
export function sideLabelOf(c: Case): (side: 'applicant' | 'respondent') => string {
  // A case filed 代办 has its applicant, whose account claims it later.
  const applied = hasApplicant(c) || isProxiedCreator(c.creatorId)
  return (side) => (side === 'applicant' ? '申请人' : applied ? '被申请人' : '当事人')
}
