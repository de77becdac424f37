import type { AssigneeView } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** `cases.assignees`: grid workers within the dispatcher's unit and the configured departments. */
export async function assignees(d: Deps, actor: Actor) {
  const units = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').map((g) => g.unitCode)
  if (units.length === 0) return fail('FORBIDDEN', '仅综治中心可分派')
  const tree = await d.orgTree()
  const out: AssigneeView[] = []
  const within = tree.all().filter((u) => units.some((unit) => tree.isWithin(u.code, unit))).map((u) => u.code)
  for (const u of await d.store.listStaff(within, ['grid_worker'])) {
    const g = u.grants.find((gr) => gr.role === 'grid_worker' && within.includes(gr.unitCode))!
    out.push({ kind: 'user', id: u.id, name: u.name, detail: `${ROLE_LABELS.grid_worker} · ${tree.get(g.unitCode)?.name ?? g.unitCode}` })
  }
  for (const dep of d.config.departments) out.push({ kind: 'department', id: dep.code, name: dep.name, detail: ROLE_LABELS.department })
  return { ok: true as const, assignees: out }
}
