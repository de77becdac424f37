import type { RoleView } from '../../../src/contracts/api'
import { STAFF_ROLES } from '../../../src/core/import/roster'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import { HELPER_KIND_LABELS, ROLE_LABELS, type Actor, type RoleGrant } from '../../../src/core/roles'
import type { Invitation, User } from '../../ports'
import type { Deps } from '../../deps'

/** Org import and the district configuration belong to the district's administrators. */
export function requireDistrictAdmin(d: Deps, actor: Actor): Failure | null {
  const code = d.config.district.code
  return actor.grants.some((g) => g.role === 'admin' && g.unitCode === code) ? null : fail('FORBIDDEN', '仅区级管理员可以操作')
}

/** Units the actor administers (a district admin, or a street admin for its street's staff). */
export function adminUnits(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'admin').map((g) => g.unitCode)
}

export function requireAdmin(actor: Actor): Failure | null {
  return adminUnits(actor).length > 0 ? null : fail('FORBIDDEN', '仅管理员可以操作')
}

/** True when the unit lies within one the actor administers. */
export function administers(tree: OrgTree, actor: Actor, unitCode: string): boolean {
  return adminUnits(actor).some((m) => tree.isWithin(unitCode, m))
}

/** True when every grant lies within a unit the actor administers. */
export function grantsWithin(tree: OrgTree, actor: Actor, grants: readonly RoleGrant[]): boolean {
  return grants.every((g) => administers(tree, actor, g.unitCode))
}

/** A staff record within the actor's units, or why it is not one (unknown, revoked or elsewhere). */
export async function managedStaff(d: Deps, actor: Actor, userId: string): Promise<User | Failure> {
  const u = await d.store.getUser(userId)
  if (!u || !u.grants.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role))) return fail('NOT_FOUND', '工作人员不存在或已停用')
  if (!grantsWithin(await d.orgTree(), actor, u.grants)) return fail('FORBIDDEN', '该工作人员不在您管理的范围内')
  return u
}

export function roleViews(tree: OrgTree, grants: readonly RoleGrant[]): RoleView[] {
  // A helper's kind (驻村法律顾问 …) is how the admin and the mediators tell them apart.
  const label = (g: RoleGrant) => (g.role === 'helper' && g.helperKind ? `${ROLE_LABELS.helper}（${HELPER_KIND_LABELS[g.helperKind]}）` : ROLE_LABELS[g.role])
  return grants.map((g) => ({ role: g.role, roleLabel: label(g), unitCode: g.unitCode, unitName: tree.get(g.unitCode)?.name ?? g.unitCode }))
}

/** An admin manages the invitations they made, and those of active staff within their units. */
export function manages(tree: OrgTree, actor: Actor, i: Invitation, staff: User | null): boolean {
  // Revoked staff hold no grants; their invitations stay with whoever made them.
  return i.createdBy === actor.userId || (!!staff && staff.grants.length > 0 && grantsWithin(tree, actor, staff.grants))
}
