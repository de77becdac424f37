/**
 * Roles a person earns from relationships rather than from an invitation. They only choose what
 * home offers; every action still checks its own scope, so nothing here grants access.
 */

export type EarnedRole = 'tenant' | 'mediation_party' | 'grid_member'

export interface Relationships {
  /** The person's own check-ins (出租屋实名登记), any status. */
  checkins: readonly { status: string; buildingId: string }[]
  /** Mediation cases the person applied for or joined as a respondent. */
  mediationCaseIds: readonly string[]
  /** The person's grid group memberships, any status. */
  memberships: readonly { status: string; gridCode: string }[]
}

/** One earned role and what it is earned over (building ids, case ids, grid codes). */
export interface Earned {
  role: EarnedRole
  of: string[]
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)]

/**
 * A tenant while a check-in is confirmed (在住, `active`) and not yet checked out; a party while
 * on any mediation case; a grid member once a membership is approved (`joined`).
 */
export function earnedRoles(r: Relationships): Earned[] {
  const out: Earned[] = []
  const buildings = unique(r.checkins.filter((c) => c.status === 'active').map((c) => c.buildingId))
  if (buildings.length) out.push({ role: 'tenant', of: buildings })
  const cases = unique(r.mediationCaseIds)
  if (cases.length) out.push({ role: 'mediation_party', of: cases })
  const grids = unique(r.memberships.filter((m) => m.status === 'joined').map((m) => m.gridCode))
  if (grids.length) out.push({ role: 'grid_member', of: grids })
  return out
}

export const hasEarned = (earned: readonly Earned[] | undefined, role: EarnedRole): boolean =>
  (earned ?? []).some((e) => e.role === role)
