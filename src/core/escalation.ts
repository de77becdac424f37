import type { OrgLevel, OrgTree, OrgUnit } from './org'

/**
 * Escalation climbs grid → street → district → city. Communities are skipped: the street's
 * command centre (综治中心) is the first level with the power to coordinate departments.
 */
export function escalationTarget(tree: OrgTree, unitCode: string): OrgUnit | undefined {
  let next = tree.parent(unitCode)
  while (next && next.level === 'community') next = tree.parent(next.code)
  return next
}

export function levelOf(tree: OrgTree, unitCode: string): OrgLevel {
  return tree.get(unitCode)?.level ?? 'grid'
}
