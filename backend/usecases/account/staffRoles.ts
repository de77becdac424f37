import type { Role } from '../../../src/core/roles'
import type { User } from '../../ports'

/** Roles a person holds for themselves, never by an invitation: they do not stand in the way of 注销. */
const PERSONAL: readonly Role[] = ['resident', 'tenant']

/** The staff roles the person holds (each came by invitation, and an administrator revokes it). */
export function staffRoles(u: User): Role[] {
  return [...new Set(u.grants.map((g) => g.role).filter((r) => !PERSONAL.includes(r)))]
}
