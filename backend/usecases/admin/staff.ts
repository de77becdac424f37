import type { StaffView } from '../../../src/contracts/admin'
import { STAFF_ROLES } from '../../../src/core/import/roster'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { User } from '../../ports'
import type { Deps } from '../../deps'
import { administers, requireAdmin, roleViews } from './access'
import { invitationView } from './invitationView'

/** Staff of the units the actor administers (revoked staff hold no grants and drop out). */
async function staffInScope(d: Deps, actor: Actor): Promise<User[]> {
  const tree = await d.orgTree()
  const codes = tree.all().filter((u) => administers(tree, actor, u.code)).map((u) => u.code)
  return d.store.listStaff(codes, STAFF_ROLES)
}

/** The staff the admin manages, by unit and name, each with their latest invitation. */
export async function staff(d: Deps, actor: Actor): Promise<{ ok: true; staff: StaffView[] } | Failure> {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  const users = await staffInScope(d, actor)
  const rows: StaffView[] = []
  for (const u of users) {
    const [latest] = await d.store.listInvitations(u.id)
    rows.push({ id: u.id, name: u.name, phone: u.phone, roles: roleViews(tree, u.grants), bound: u.openid !== null || Boolean(u.webUid), invitation: latest ? invitationView(latest, now) : null })
  }
  rows.sort((a, b) => a.roles[0]!.unitCode.localeCompare(b.roles[0]!.unitCode) || a.name.localeCompare(b.name, 'zh'))
  return { ok: true, staff: rows }
}
