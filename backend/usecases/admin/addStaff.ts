import type { StaffRowInput } from '../../../src/contracts/admin'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireAdmin } from './access'
import { applyRoster } from './roster'
import { rosterCommittees } from '../mediation/committees'

/** One person added by hand: the same checks as a roster row. */
export async function addStaff(d: Deps, actor: Actor, input: StaffRowInput) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const committee = rosterCommittees(d.config).find((c) => c.code === input.committee)?.name ?? input.committee ?? ''
  const department = d.config.departments.find((c) => c.code === input.department)?.name ?? input.department ?? ''
  const table = [
    ['姓名', '手机', '角色', '单位编码', '调解委员会', '部门', '类别'],
    [input.name, input.phone, input.role, input.unitCode, committee, department, input.helperKind ?? ''],
  ]
  const r = await applyRoster(d, actor, table, { dryRun: false, allOrNothing: true })
  if (r.ok && r.plan.errors.length > 0) {
    const details = Object.fromEntries(r.plan.errors.map((e) => [e.column, e.reason]))
    return fail('VALIDATION', r.plan.errors[0]!.reason, details)
  }
  return r
}
