import type { Case } from './case'
import { actingRoleIn, canReadIn, grantCoversIn, NO_SCOPE, respondentsIn, type KindScope } from './access'
import { KIND_SCOPES } from './kinds/scopes'
import type { OrgTree } from './org'
import { SYSTEM_ACTOR, type Actor, type ActorRole, type RoleGrant } from './roles'

/**
 * The scope rule the case's own kind supplies; this module reads no payload field itself. The rules
 * come without the kinds' transition tables (kinds/scopes.ts), which reading a case does not need.
 */
function scopeOf(c: Case): KindScope {
  return Object.prototype.hasOwnProperty.call(KIND_SCOPES, c.kind) ? KIND_SCOPES[c.kind] : NO_SCOPE
}

/**
 * Whether a grant lets its holder act on a case. Scope is by org unit, never by district name:
 * a grid worker covers cases located in their grid, a dispatcher those of their street,
 * a resident only what they created; the kind adds its department, committee or manager.
 */
export function grantCovers(tree: OrgTree, grant: RoleGrant, actor: Actor, c: Case): boolean {
  return grantCoversIn(scopeOf(c), tree, grant, actor, c)
}

/** A case handed to the police of its area (警调对接), as its kind says. */
export function referredToPolice(c: Case): boolean {
  return scopeOf(c).police?.(c) === 'referral'
}

/**
 * The role whose read of a case is audited, or null: an administrator's read of a case, and
 * police reading a case referred to them. A read the actor may also make in another role (the
 * handler, a party) is their everyday work and not audited.
 */
export function auditedReadRole(tree: OrgTree, actor: Actor, c: Case): 'admin' | 'police' | null {
  if (actor === SYSTEM_ACTOR || c.creatorId === actor.userId || respondentIds(c).includes(actor.userId)) return null
  const covering = actor.grants.filter((g) => grantCovers(tree, g, actor, c)).map((g) => g.role)
  if (covering.some((r) => r !== 'admin' && r !== 'police')) return null
  if (covering.includes('admin')) return 'admin'
  if (covering.includes('police') && referredToPolice(c)) return 'police'
  return null
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
