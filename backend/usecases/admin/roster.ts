import type { StaffPlanView } from '../../../src/contracts/admin'
import { planRoster, STAFF_ROLES, type RosterPlan } from '../../../src/core/import/roster'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { administers, roleViews } from './access'
import { rosterCommittees } from '../mediation/committees'

/**
 * A staff table (姓名, 手机, 角色, 单位编码, …) planned against everyone already on staff, and
 * written unless it is a dry run or an all-or-nothing table with errors.
 */
export async function applyRoster(d: Deps, actor: Actor, table: string[][], opts: { dryRun: boolean; allOrNothing: boolean }): Promise<{ ok: true; plan: StaffPlanView } | Failure> {
  const tree = await d.orgTree()
  // Match by phone against everyone holding a staff role anywhere, not only in scope, so one
  // person is never split into two records.
  const known = await d.store.listStaff(tree.all().map((u) => u.code), STAFF_ROLES)
  const plan: RosterPlan = planRoster(table, {
    units: tree.all(),
    committees: rosterCommittees(d.config),
    departments: d.config.departments,
    staff: known,
    allowUnit: (code) => administers(tree, actor, code),
  })
  const view: StaffPlanView = {
    rows: plan.rows,
    goodRows: plan.goodRows,
    errors: plan.errors,
    people: plan.people.map((p) => ({ name: p.name, phone: p.phone, roles: roleViews(tree, p.grants), change: p.change, rows: p.rows })),
    applied: 0,
  }
  if (opts.dryRun || (opts.allOrNothing && plan.errors.length > 0)) return { ok: true, plan: view }
  const byId = new Map(known.map((u) => [u.id, u]))
  for (const p of plan.people) {
    if (p.change === 'unchanged') continue
    const before = p.userId ? byId.get(p.userId) : undefined
    // Both bindings survive a re-import: the roster changes the person's roles, not who signs in as them.
    await d.store.putUser({ id: p.userId ?? d.newId(), name: p.name, phone: p.phone, openid: before?.openid ?? null, ...(before?.webUid ? { webUid: before.webUid } : {}), grants: p.grants, createdAt: before?.createdAt ?? d.clock.now().toISOString() })
    view.applied++
  }
  return { ok: true, plan: view }
}
