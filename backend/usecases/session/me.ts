import type { MeView } from '../../../src/contracts/api'
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
    },
  }
}
