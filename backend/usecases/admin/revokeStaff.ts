import { fail, isFailure } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { managedStaff, requireAdmin } from './access'
import { revokeOpenInvitations } from './invite'

/**
 * Revoking takes every grant and both bindings (WeChat and the H5 desk sign-in) away at once: a session naming the record
 * is refused on its next call, and the OPENID comes back as an ordinary resident.
 */
export async function revokeStaff(d: Deps, actor: Actor, input: { userId: string }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const u = await managedStaff(d, actor, input.userId)
  if (isFailure(u)) return u
  if (u.id === actor.userId) return fail('VALIDATION', '不能停用自己的账号')
  await d.store.putUser({ ...u, openid: null, webUid: null, grants: [] })
  await revokeOpenInvitations(d, u.id)
  return { ok: true as const, revoked: true, roles: u.grants.map((g) => ROLE_LABELS[g.role]) }
}
