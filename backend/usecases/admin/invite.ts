import { isFailure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Invitation } from '../../ports'
import type { Deps } from '../../deps'
import { shareCode, webLink, type ShareTarget } from '../shared/shareCode'
import { managedStaff, requireAdmin } from './access'
import { hashCode, newCode } from './invitationCode'
import { invitationView } from './invitationView'

export const DEFAULT_INVITATION_HOURS = 72
export const JOIN_PAGE = 'pages/join/index'

/** 工作人员绑定 with the code: the 8-character code is the whole 小程序码 scene. */
export function joinTarget(code: string): ShareTarget {
  return { page: JOIN_PAGE, scene: code, query: `code=${code}` }
}

/** Every unused code of the staff member stops working (a new one is issued, or the staff is revoked). */
export async function revokeOpenInvitations(d: Pick<Deps, 'store' | 'clock'>, userId: string): Promise<void> {
  const at = d.clock.now().toISOString()
  for (const i of await d.store.listInvitations(userId)) if (!i.usedAt && !i.revokedAt) await d.store.putInvitation({ ...i, revokedAt: at })
}

/** An invitation for a staff member within the admin's units. */
export async function invite(d: Deps, actor: Actor, input: { userId: string; validHours?: number }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const u = await managedStaff(d, actor, input.userId)
  if (isFailure(u)) return u
  const issued = await issueInvitation(d, u.id, actor.userId, input.validHours)
  // The code stands without its picture: a code WeChat would not draw is still read out or typed.
  const qr = await shareCode(d, joinTarget(issued.code))
  return { ok: true as const, ...issued, qr: isFailure(qr) ? null : qr, qrError: isFailure(qr) ? qr.message : null, webLink: webLink(d, joinTarget(issued.code)) }
}

/** A fresh code for a staff record; any earlier unused code of theirs stops working. */
export async function issueInvitation(d: Pick<Deps, 'store' | 'clock' | 'newId'>, userId: string, createdBy: string, validHours = DEFAULT_INVITATION_HOURS) {
  await revokeOpenInvitations(d, userId)
  const code = newCode()
  const now = d.clock.now()
  const inv: Invitation = {
    id: d.newId(),
    codeHash: hashCode(code),
    userId,
    createdBy,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validHours * 3600_000).toISOString(),
    usedAt: null,
    usedBy: null,
    revokedAt: null,
  }
  await d.store.putInvitation(inv)
  const path = `${JOIN_PAGE}?code=${code}`
  return { invitation: invitationView(inv, now.toISOString()), code, path }
}
