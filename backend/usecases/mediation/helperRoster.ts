import type { Case } from '../../../src/core/case'
import { MEDIATION_OPEN } from '../../../src/core/kinds/mediation'
import { helperIds } from '../../../src/core/kinds/mediationHelpers'
import type { OrgTree } from '../../../src/core/org'
import type { HelperKind, RoleGrant } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { User } from '../../ports'

/**
 * 协助调解 roster: the people holding a `helper` grant in the case's street (its communities and the
 * street itself), or in the unit of a case held above the street. A case of a community lists that
 * community's own helpers first.
 */
export interface RosterHelper {
  user: User
  grant: RoleGrant & { helperKind: HelperKind }
}

/** The street a case belongs to, or its own unit where it sits higher (a district committee). */
function rosterRoot(tree: OrgTree, c: Case): string {
  return tree.ancestorAt(c.unitCode, 'street')?.code ?? c.unitCode
}

export async function helperRoster(d: Deps, tree: OrgTree, c: Case): Promise<RosterHelper[]> {
  const root = rosterRoot(tree, c)
  const units = tree.all().filter((u) => u.level !== 'grid' && tree.isWithin(u.code, root)).map((u) => u.code)
  const users = await d.store.listStaff(units, ['helper'])
  const out: RosterHelper[] = []
  for (const user of users) {
    const grant = user.grants.find((g): g is RosterHelper['grant'] => g.role === 'helper' && g.helperKind !== undefined && units.includes(g.unitCode))
    if (grant) out.push({ user, grant })
  }
  const home = (h: RosterHelper) => (tree.isWithin(c.unitCode, h.grant.unitCode) || tree.isWithin(h.grant.unitCode, c.unitCode) ? 0 : 1)
  return out.sort((a, b) => home(a) - home(b) || a.grant.unitCode.localeCompare(b.grant.unitCode) || a.user.name.localeCompare(b.user.name, 'zh'))
}

/** The open cases a helper is on now: found through the follow their invitation recorded. */
export async function openHelpingCount(d: Deps, userId: string): Promise<number> {
  const ids = await d.store.followedBy(userId)
  if (ids.length === 0) return 0
  const cases = await d.store.listCases({ kind: 'mediation', ids: ids.slice(0, 200), statuses: MEDIATION_OPEN, limit: 200 })
  return cases.filter((c) => helperIds(c).includes(userId)).length
}
