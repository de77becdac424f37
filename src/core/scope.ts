import type { Case } from './case'
import type { OrgTree } from './org'
import { SYSTEM_ACTOR, type Actor, type ActorRole, type CaseRole, type RoleGrant } from './roles'

/**
 * Whether a grant lets its holder act on a case. Scope is by org unit, never by district name:
 * a grid worker covers cases located in their grid, a dispatcher those of their street,
 * a resident only what they created.
 */
export function grantCovers(tree: OrgTree, grant: RoleGrant, actor: Actor, c: Case): boolean {
  const place = c.gridCode ?? c.unitCode
  switch (grant.role) {
    case 'resident':
    case 'tenant':
      return c.creatorId === actor.userId
    case 'grid_worker':
      return c.gridCode !== null && tree.isWithin(c.gridCode, grant.unitCode)
    case 'department':
      return (
        tree.isWithin(place, grant.unitCode) &&
        grant.department !== undefined &&
        (c.payload as { department?: unknown }).department === grant.department
      )
    case 'dispatcher':
    case 'admin':
      return inArea(tree, grant, c)
    case 'police':
      return POLICE_KINDS.includes(c.kind) ? inArea(tree, grant, c) : referredToPolice(c) && inArea(tree, grant, c)
    case 'mediator':
      return (
        grant.committee !== undefined &&
        (c.payload as { committee?: unknown }).committee === grant.committee &&
        tree.isWithin(c.unitCode, grant.unitCode)
      )
    case 'building_manager':
      return c.assigneeId === actor.userId
  }
}

function inArea(tree: OrgTree, grant: RoleGrant, c: Case): boolean {
  return tree.isWithin(c.gridCode ?? c.unitCode, grant.unitCode) || tree.isWithin(c.unitCode, grant.unitCode)
}

/**
 * Police (社区民警) see rental registrations and identity-misuse disputes of their area, and of
 * the rest only what was referred to them (警调对接); never reports or other mediation cases.
 */
const POLICE_KINDS: readonly string[] = ['checkin', 'misuse']

/** A mediation case its mediator ended with a referral to the police (警调对接). */
export function referredToPolice(c: Case): boolean {
  return c.kind === 'mediation' && (c.payload as { referral?: { type?: unknown } | null }).referral?.type === 'police'
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
  const ids = (c.payload as { respondentIds?: unknown }).respondentIds
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []
}

function caseRoleOf(actor: Actor, c: Case, role: CaseRole): boolean {
  return role === 'applicant' ? c.creatorId === actor.userId : respondentIds(c).includes(actor.userId)
}

/** The first of `roles` the actor holds with a grant covering the case. */
export function actingRole(
  tree: OrgTree,
  actor: Actor,
  c: Case,
  roles: readonly ActorRole[],
): ActorRole | undefined {
  // Only the one system actor object, so no stored user id can pose as the system.
  if (actor === SYSTEM_ACTOR) return roles.includes('system') ? 'system' : undefined
  for (const r of roles) if ((r === 'applicant' || r === 'respondent') && caseRoleOf(actor, c, r)) return r
  const g = actor.grants.find((gr) => roles.includes(gr.role) && grantCovers(tree, gr, actor, c))
  return g?.role
}

/** Read access: anyone who could act on the case in some role may read it. */
export function canRead(tree: OrgTree, actor: Actor, c: Case): boolean {
  return (
    actor.grants.some((g) => grantCovers(tree, g, actor, c)) ||
    (c.kind === 'mediation' && (caseRoleOf(actor, c, 'applicant') || caseRoleOf(actor, c, 'respondent')))
  )
}
