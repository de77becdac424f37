import type { StaffPlanView, StaffRowInput, StaffView } from '../../../src/contracts/admin'
import { planRoster, STAFF_ROLES, type RosterPlan } from '../../../src/core/import/roster'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import { readTable } from '../../import/table'
import type { User } from '../../ports'
import type { Deps } from '../../deps'
import { administers, managedStaff, requireAdmin, roleViews } from './access'
import { invitationView, revokeOpenInvitations } from './invitations'

/** Staff of the units the actor administers (revoked staff hold no grants and drop out). */
async function staffInScope(d: Deps, actor: Actor): Promise<User[]> {
  const tree = await d.orgTree()
  const codes = tree.all().filter((u) => administers(tree, actor, u.code)).map((u) => u.code)
  return d.store.listStaff(codes, STAFF_ROLES)
}

async function applyRoster(d: Deps, actor: Actor, table: string[][], opts: { dryRun: boolean; allOrNothing: boolean }): Promise<{ ok: true; plan: StaffPlanView } | Failure> {
  const tree = await d.orgTree()
  // Match by phone against everyone holding a staff role anywhere, not only in scope, so one
  // person is never split into two records.
  const known = await d.store.listStaff(tree.all().map((u) => u.code), STAFF_ROLES)
  const plan: RosterPlan = planRoster(table, {
    units: tree.all(),
    committees: d.config.mediation.committees,
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

export async function importStaff(d: Deps, actor: Actor, input: { fileName: string; contentBase64: string; dryRun: boolean; allOrNothing: boolean }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const table = readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'))
  if (!table.ok) return table
  return applyRoster(d, actor, table.rows, input)
}

/** One person added by hand: the same checks as a roster row. */
export async function addStaff(d: Deps, actor: Actor, input: StaffRowInput) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const committee = d.config.mediation.committees.find((c) => c.code === input.committee)?.name ?? input.committee ?? ''
  const department = d.config.departments.find((c) => c.code === input.department)?.name ?? input.department ?? ''
  const table = [
    ['姓名', '手机', '角色', '单位编码', '调解委员会', '部门'],
    [input.name, input.phone, input.role, input.unitCode, committee, department],
  ]
  const r = await applyRoster(d, actor, table, { dryRun: false, allOrNothing: true })
  if (r.ok && r.plan.errors.length > 0) {
    const details = Object.fromEntries(r.plan.errors.map((e) => [e.column, e.reason]))
    return fail('VALIDATION', r.plan.errors[0]!.reason, details)
  }
  return r
}

export async function listStaffViews(d: Deps, actor: Actor): Promise<{ ok: true; staff: StaffView[] } | Failure> {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  const users = await staffInScope(d, actor)
  const staff: StaffView[] = []
  for (const u of users) {
    const [latest] = await d.store.listInvitations(u.id)
    staff.push({ id: u.id, name: u.name, phone: u.phone, roles: roleViews(tree, u.grants), bound: u.openid !== null || Boolean(u.webUid), invitation: latest ? invitationView(latest, now) : null })
  }
  staff.sort((a, b) => a.roles[0]!.unitCode.localeCompare(b.roles[0]!.unitCode) || a.name.localeCompare(b.name, 'zh'))
  return { ok: true, staff }
}

/**
 * Revoking takes every grant and both bindings (WeChat and the H5 desk sign-in) away at once: a session naming the record
 * is refused on its next call, and the OPENID comes back as an ordinary resident.
 */
export async function revokeStaff(d: Deps, actor: Actor, input: { userId: string }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const u = await managedStaff(d, actor, input.userId)
  if (isFailure(u)) return u
  if (u.id === actor.userId) return fail('VALIDATION', '不能停用自己的账号')
  await d.store.putUser({ ...u, openid: null, webUid: null, grants: [] })
  await revokeOpenInvitations(d, u.id)
  return { ok: true as const, revoked: true, roles: u.grants.map((g) => ROLE_LABELS[g.role]) }
}
