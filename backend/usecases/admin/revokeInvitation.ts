import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { manages, requireAdmin } from './access'
import { invitationView } from './invitationView'

/** An open invitation stops working; a used or revoked one is answered as it is. */
export async function revokeInvitation(d: Deps, actor: Actor, input: { id: string }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const found = await d.store.getInvitation(input.id)
  if (!found) return fail('NOT_FOUND', '邀请不存在')
  if (!manages(await d.orgTree(), actor, found, await d.store.getUser(found.userId))) return fail('FORBIDDEN', '该邀请不在您管理的范围内')
  const now = d.clock.now().toISOString()
  if (found.usedAt || found.revokedAt) return { ok: true as const, invitation: invitationView(found, now) }
  const revoked = { ...found, revokedAt: now }
  await d.store.putInvitation(revoked)
  return { ok: true as const, invitation: invitationView(revoked, now) }
}
