import type { RoleView } from '../../../src/contracts/api'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor, type RoleGrant } from '../../../src/core/roles'
import type { Deps } from '../../runtime'

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

/** True when every grant lies within a unit the actor administers. */
export function grantsWithin(tree: OrgTree, actor: Actor, grants: readonly RoleGrant[]): boolean {
  const mine = adminUnits(actor)
  return grants.every((g) => mine.some((m) => tree.isWithin(g.unitCode, m)))
}

export function roleViews(tree: OrgTree, grants: readonly RoleGrant[]): RoleView[] {
  return grants.map((g) => ({ role: g.role, roleLabel: ROLE_LABELS[g.role], unitCode: g.unitCode, unitName: tree.get(g.unitCode)?.name ?? g.unitCode }))
}
