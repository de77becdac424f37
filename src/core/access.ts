import type { Case } from './case'
import type { OrgTree } from './org'
import { SYSTEM_ACTOR, type Actor, type ActorRole, type CaseRole, type Role, type RoleGrant } from './roles'

/**
 * What a kind adds to the org tree when deciding who reaches one of its cases: the fields of
 * its own payload a grant must match. Each kind supplies its own; this module knows none.
 */
export interface KindScope<P extends object = Record<string, unknown>> {
  /** The department handling the case; a department grant must name the same one. */
  department?(c: Case<P>): string | null | undefined
  /** The committee handling the case; a mediator grant must name the same one. */
  committee?(c: Case<P>): string | null | undefined
  /** Who a building_manager grant covers the case for. */
  manager?(c: Case<P>): string | null | undefined
  /** Parties who joined by invitation: they act as `respondent`. */
  respondents?(c: Case<P>): readonly string[]
  /** Whether the case's parties (its creator and respondents) read it without any grant. */
  partiesRead?: boolean
  /**
   * How the police of the area reach the case: as their everyday work ('area'), because it was
   * handed to them ('referral', 警调对接: their reads are audited), or not at all (absent, null).
   */
  police?(c: Case<P>): 'area' | 'referral' | null
  /** People invited into the case as 协助调解: a `helper` grant covers the case only for them. */
  helpers?(c: Case<P>): readonly string[]
  /**
   * Roles whose grant covers the case by place alone (the case lies inside the grant's unit), whatever
   * committee or department the grant names: a 一键求助 request is for whoever of the community can come.
   */
  openTo?: readonly Role[]
  /** Who filed the case for the person (代办): a `proxy_agent` grant covers only the cases they filed, inside their unit. */
  proxiedBy?(c: Case<P>): string | null | undefined
}

/** A kind that adds nothing: only the org tree, the creator and the assignee-free roles reach it. */
export const NO_SCOPE: KindScope = {}

/** Scope is by org unit, never by district name; the kind names the payload fields that narrow it. */
export function grantCoversIn(scope: KindScope, tree: OrgTree, grant: RoleGrant, actor: Actor, c: Case): boolean {
  // A role the kind opens the case to reaches it by place, or because the case lists them (a 一键求助
  // went to them as the community's on-duty roster said).
  if (scope.openTo?.includes(grant.role) && (inArea(tree, grant, c) || (scope.helpers?.(c) ?? []).includes(actor.userId))) return true
  switch (grant.role) {
    case 'resident':
    case 'tenant':
      return c.creatorId === actor.userId
    case 'grid_worker':
      return (c.gridCode !== null && tree.isWithin(c.gridCode, grant.unitCode)) || filedHere(scope, tree, grant, actor, c)
    case 'department':
      return tree.isWithin(c.gridCode ?? c.unitCode, grant.unitCode) && grant.department !== undefined && scope.department?.(c) === grant.department
    case 'dispatcher':
    case 'admin':
      return inArea(tree, grant, c)
    case 'police':
      return (scope.police?.(c) ?? null) !== null && inArea(tree, grant, c)
    case 'mediator':
      return grant.committee !== undefined && scope.committee?.(c) === grant.committee && tree.isWithin(c.unitCode, grant.unitCode)
    case 'building_manager':
      return scope.manager !== undefined && scope.manager(c) === actor.userId
    case 'helper':
      return (scope.helpers?.(c) ?? []).includes(actor.userId)
    case 'proxy_agent':
      return filedHere(scope, tree, grant, actor, c)
  }
}

/**
 * 代办: the agent follows a case they filed for someone (until the person claims it), inside their
 * unit's branch of the tree: a case may sit with a committee above it (a street's 人民调解委员会).
 */
function filedHere(scope: KindScope, tree: OrgTree, grant: RoleGrant, actor: Actor, c: Case): boolean {
  if (scope.proxiedBy === undefined || scope.proxiedBy(c) !== actor.userId) return false
  return inArea(tree, grant, c) || tree.isWithin(grant.unitCode, c.unitCode)
}

function inArea(tree: OrgTree, grant: RoleGrant, c: Case): boolean {
  return tree.isWithin(c.gridCode ?? c.unitCode, grant.unitCode) || tree.isWithin(c.unitCode, grant.unitCode)
}

export function respondentsIn(scope: KindScope, c: Case): readonly string[] {
  return scope.respondents?.(c) ?? []
}

function caseRoleOf(scope: KindScope, actor: Actor, c: Case, role: CaseRole): boolean {
  return role === 'applicant' ? c.creatorId === actor.userId : respondentsIn(scope, c).includes(actor.userId)
}

/** The first of `roles` the actor holds with a grant covering the case. */
export function actingRoleIn(scope: KindScope, tree: OrgTree, actor: Actor, c: Case, roles: readonly ActorRole[]): ActorRole | undefined {
  // Only the one system actor object, so no stored user id can pose as the system.
  if (actor === SYSTEM_ACTOR) return roles.includes('system') ? 'system' : undefined
  for (const r of roles) if ((r === 'applicant' || r === 'respondent') && caseRoleOf(scope, actor, c, r)) return r
  const g = actor.grants.find((gr) => roles.includes(gr.role) && grantCoversIn(scope, tree, gr, actor, c))
  return g?.role
}

/** Read access: anyone who could act on the case in some role may read it. */
export function canReadIn(scope: KindScope, tree: OrgTree, actor: Actor, c: Case): boolean {
  return (
    actor.grants.some((g) => grantCoversIn(scope, tree, g, actor, c)) ||
    (scope.partiesRead === true && (caseRoleOf(scope, actor, c, 'applicant') || caseRoleOf(scope, actor, c, 'respondent')))
  )
}
