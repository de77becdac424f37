/**
 * Who of a community may be on 一键求助 duty, and who is at an instant: the roster (stored per
 * community, help.saveRoster) names them; only staff whose grant lies in the community (its grid
 * workers, its 协助调解人) or above it (the street's mediators) may stand on it.
 */
import { onDutyAt } from '../../../src/core/dutyRoster'
import { RESPONDER_ROLES } from '../../../src/core/kinds/help'
import type { OrgTree } from '../../../src/core/org'
import { HELPER_KIND_LABELS, ROLE_LABELS, type RoleGrant } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { DutyRoster, User } from '../../ports'

export type ResponderRole = (typeof RESPONDER_ROLES)[number]

/** The grant that lets the user stand on the community's roster, if any. */
export function dutyGrant(tree: OrgTree, u: Pick<User, 'grants' | 'deletedAt'>, communityCode: string): (RoleGrant & { role: ResponderRole }) | undefined {
  if (u.deletedAt) return undefined
  return u.grants.find(
    (g): g is RoleGrant & { role: ResponderRole } =>
      (RESPONDER_ROLES as readonly string[]).includes(g.role) && (tree.isWithin(g.unitCode, communityCode) || tree.isWithin(communityCode, g.unitCode)),
  )
}

/** 网格员 / 调解员 / 驻村法律顾问 … as the roster and the person read it. */
export function responderLabel(g: RoleGrant | undefined): string {
  if (!g) return '工作人员'
  if (g.role === 'helper' && g.helperKind) return HELPER_KIND_LABELS[g.helperKind]
  return ROLE_LABELS[g.role]
}

/** Staff who may be put on the community's roster, by name. */
export async function dutyCandidates(d: Deps, tree: OrgTree, communityCode: string): Promise<Array<{ user: User; grant: RoleGrant & { role: ResponderRole } }>> {
  const units = [...tree.chain(communityCode).map((u) => u.code), ...tree.children(communityCode).map((u) => u.code)]
  const users = await d.store.listStaff(units, RESPONDER_ROLES)
  const out: Array<{ user: User; grant: RoleGrant & { role: ResponderRole } }> = []
  for (const user of users) {
    const grant = dutyGrant(tree, user, communityCode)
    if (grant) out.push({ user, grant })
  }
  return out.sort((a, b) => a.user.name.localeCompare(b.user.name, 'zh-CN'))
}

/** The roster's people on duty at `at`, still eligible (a revoked grant takes them off), in roster order. */
export async function onDuty(d: Deps, tree: OrgTree, roster: DutyRoster | null, at: Date): Promise<Array<{ user: User; grant: RoleGrant & { role: ResponderRole } }>> {
  const out: Array<{ user: User; grant: RoleGrant & { role: ResponderRole } }> = []
  const entries = (roster?.entries ?? []).filter((e) => onDutyAt(e.shifts, at))
  // Everyone on duty in one read, however long the roster.
  const users = new Map((entries.length ? await d.store.getUsers(entries.map((e) => e.userId)) : []).map((u) => [u.id, u]))
  for (const e of entries) {
    const user = users.get(e.userId)
    const grant = user ? dutyGrant(tree, user, roster!.communityCode) : undefined
    if (user && grant) out.push({ user, grant })
  }
  return out
}
