import type { MeView } from '../../../src/contracts/api'
import { earnedRoles, type Earned } from '../../../src/core/earnedRoles'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

export async function me(d: Deps, actor: Actor): Promise<{ ok: true; user: MeView }> {
  const tree = await d.orgTree()
  return {
    ok: true,
    user: {
      id: actor.userId,
      name: actor.name,
      roles: actor.grants.map((g) => ({
        role: g.role,
        roleLabel: ROLE_LABELS[g.role],
        unitCode: g.unitCode,
        unitName: tree.get(g.unitCode)?.name ?? g.unitCode,
      })),
      earned: await earned(d, actor.userId),
    },
  }
}

/**
 * Read fresh on every call (no cache), so a role ends with its relationship. Every read is by an
 * index: cases by_creator, follows by_user, cases by id, memberships by_user.
 */
async function earned(d: Deps, userId: string): Promise<Earned[]> {
  const [checkins, own, followed, memberships] = await Promise.all([
    d.store.listCases({ kind: 'checkin', creatorId: userId, order: 'newest', limit: 50 }),
    d.store.listCases({ kind: 'mediation', creatorId: userId, order: 'newest', limit: 20 }),
    // A respondent joins a mediation by following it (the same read as mediation.mine's), without
    // pulling the mediation area's views into the session bundle.
    d.store.followedBy(userId),
    d.store.membershipsOf(userId),
  ])
  const joined = followed.length ? await d.store.listCases({ kind: 'mediation', ids: followed, order: 'newest', limit: 20 }) : []
  return earnedRoles({
    checkins: checkins.map((c) => ({ status: c.status, buildingId: String((c.payload as { buildingId?: unknown }).buildingId ?? '') })),
    mediationCaseIds: [...own, ...joined].map((c) => c.id),
    memberships: memberships.map((m) => ({ status: m.status, gridCode: m.gridCode })),
  })
}
