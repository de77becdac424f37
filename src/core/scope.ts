import type { Case } from './case'
import { actingRoleIn, canReadIn, grantCoversIn, NO_SCOPE, respondentsIn, type KindScope } from './access'
import { KINDS } from './kinds'
import type { OrgTree } from './org'
import type { Actor, ActorRole, RoleGrant } from './roles'

/** The scope rule the case's own kind supplies; this module reads no payload field itself. */
function scopeOf(c: Case): KindScope {
  return Object.prototype.hasOwnProperty.call(KINDS, c.kind) ? KINDS[c.kind].scope : NO_SCOPE
}

/**
 * Whether a grant lets its holder act on a case. Scope is by org unit, never by district name:
 * a grid worker covers cases located in their grid, a dispatcher those of their street,
 * a resident only what they created; the kind adds its department, committee or manager.
 */
export function grantCovers(tree: OrgTree, grant: RoleGrant, actor: Actor, c: Case): boolean {
  return grantCoversIn(scopeOf(c), tree, grant, actor, c)
}

/** Parties who joined a case by its invitation (mediation respondents). */
export function respondentIds(c: Case): string[] {
  return [...respondentsIn(scopeOf(c), c)]
}

/** The first of `roles` the actor holds with a grant covering the case. */
export function actingRole(tree: OrgTree, actor: Actor, c: Case, roles: readonly ActorRole[]): ActorRole | undefined {
  return actingRoleIn(scopeOf(c), tree, actor, c, roles)
}

/** Read access: anyone who could act on the case in some role may read it. */
export function canRead(tree: OrgTree, actor: Actor, c: Case): boolean {
  return canReadIn(scopeOf(c), tree, actor, c)
}
