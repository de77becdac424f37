import type { Case } from '../../../src/core/case'
import { hasApplicant } from '../../../src/core/kinds/mediationIntake'
import type { OrgTree } from '../../../src/core/org'
import { fail, isFailure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { actingRole } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { shareCode, type ShareTarget } from '../shared/shareCode'
import { byInvite, inviteCodeOf } from './inviteCode'
import { pl } from './payload'

export const JOIN_PAGE = 'pages/mediation/join/index'

/** The join page with the code: an 8-character code is the whole 小程序码 scene. */
export function joinTarget(code: string): ShareTarget {
  return { page: JOIN_PAGE, scene: code, query: `invite=${encodeURIComponent(code)}` }
}

/**
 * Who hands the invitations out: the applicant; on a dispute staff entered (no applicant), whoever
 * entered it and the case's mediator and centre, who give each party their code in person.
 */
function handsOutCodes(tree: OrgTree, actor: Actor, c: Case): boolean {
  if (c.creatorId === actor.userId) return true
  if (hasApplicant(c)) return false
  return pl(c).enteredBy?.userId === actor.userId || actingRole(tree, actor, c, ['mediator', 'dispatcher', 'admin']) !== undefined
}

/**
 * The printable code of one invitation, for whoever hands it out (shown to the party in person). An invitation from before short codes has no scene that fits: the code is typed.
 */
export async function inviteQr(d: Deps, actor: Actor, input: { invite: string }) {
  const found = await byInvite(d, input.invite)
  if ('ok' in found) return found
  if (!handsOutCodes(await d.orgTree(), actor, found.c)) return fail('NOT_FOUND', '邀请码无效，请向申请人核对')
  const party = pl(found.c).parties.find((x) => x.side === 'respondent' && x.inviteSecret === found.secret)!
  if (!party.inviteByCode) return fail('VALIDATION', '这份邀请较早发出，没有小程序码，请把邀请码发给对方')
  const qr = await shareCode(d, joinTarget(inviteCodeOf(found.c, party)))
  if (isFailure(qr)) return qr
  return { ok: true as const, qr }
}
