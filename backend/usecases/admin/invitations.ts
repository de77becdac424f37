import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { manages, requireAdmin } from './access'
import { invitationView } from './invitationView'

/** The invitations the admin manages (of one staff member, or all), with their status. */
export async function invitations(d: Deps, actor: Actor, input: { userId?: string }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const now = d.clock.now().toISOString()
  const tree = await d.orgTree()
  const all = await d.store.listInvitations(input.userId)
  const visible = []
  for (const i of all) {
    if (manages(tree, actor, i, await d.store.getUser(i.userId))) visible.push(invitationView(i, now))
  }
  return { ok: true as const, invitations: visible }
}
