import type { ActInput } from '../../src/contracts/api'
import type { Case } from '../../src/core/case'
import { escalationTarget } from '../../src/core/escalation'
import { REPORT, type ReportPayload } from '../../src/core/kinds/report'
import type { OrgTree } from '../../src/core/org'
import { fail, type Failure } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import { actingRole, canRead } from '../../src/core/scope'
import { transition } from '../../src/core/transition'
import { leafCategory } from '../config/district'
import type { Deps } from '../deps'
import { saveTransition } from './persist'
import { auditCaseRead } from './readAudit'
import { actionsFor, escalationAllowed, staffCaseView } from './staffViews'
import { caseView, timelineViews } from './views'

const NOT_FOUND = '事项不存在或无权查看'

async function loadReadable(d: Deps, tree: OrgTree, actor: Actor, id: string): Promise<Case | Failure> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'report' || !canRead(tree, actor, c)) return fail('NOT_FOUND', NOT_FOUND)
  return c
}

function slaHoursOf(d: Deps, c: Case): number {
  return leafCategory(d.config, c.category)?.slaHours ?? 72
}

/**
 * Per-action preparation: what each move needs beyond the table (an SLA from the category, a
 * checked assignee, the next level up, a real merge target). Each returns params or a refusal.
 */
type Prepare = (d: Deps, tree: OrgTree, actor: Actor, c: Case, input: ActInput) => Promise<Record<string, unknown> | Failure>

const PREPARE: Record<string, Prepare> = {
  accept: async (d, _t, _a, c) => ({ slaHours: slaHoursOf(d, c) }),
  assign: async (d, tree, _a, c, input) => {
    if (input.department) {
      if (!d.config.departments.some((x) => x.code === input.department)) return fail('VALIDATION', '处置部门不存在', { department: '不存在' })
      return { department: input.department }
    }
    if (!input.assigneeId) return fail('VALIDATION', '请选择处置人或部门', { assignee: '必填' })
    const u = await d.store.getUser(input.assigneeId)
    const fits = u?.grants.some((g) => g.role === 'grid_worker' && c.gridCode !== null && tree.isWithin(c.gridCode, g.unitCode))
    const inStreet = u?.grants.some((g) => g.role === 'grid_worker' && c.gridCode !== null && tree.ancestorAt(g.unitCode, 'street')?.code === tree.ancestorAt(c.gridCode, 'street')?.code)
    if (!u || !(fits || inStreet)) return fail('VALIDATION', '只能分派给本街道的网格员', { assignee: '不在本街道' })
    return { assigneeId: u.id }
  },
  escalate: async (d, tree, actor, c, input) => {
    if (!input.note?.trim()) return fail('VALIDATION', '请填写上报原因', { note: '必填' })
    const role = actingRole(tree, actor, c, ['grid_worker', 'dispatcher'])
    const target = escalationTarget(tree, c.unitCode)
    if (!target || (role && !escalationAllowed(tree, role, c))) return fail('ILLEGAL_TRANSITION', '该事项已不在您这一级，无法继续上报')
    return { toUnitCode: target.code, slaHours: slaHoursOf(d, c) }
  },
  merge: async (d, tree, actor, c, input) => {
    if (!input.targetCaseId) return fail('VALIDATION', '请填写要合并到的事项编号', { targetCaseId: '必填' })
    const target = await d.store.getCase(input.targetCaseId)
    if (!target || target.id === c.id || !canRead(tree, actor, target) || REPORT.terminalStatuses.includes(target.status)) {
      return fail('VALIDATION', '合并目标不存在或已结束', { targetCaseId: '无效' })
    }
    return { targetCaseId: target.id }
  },
  confirm: async (_d, _t, _a, _c, input) => ({ rating: input.rating, comment: input.comment }),
}

/** One move on one case: prepare, apply the transition table, save with the version check. */
export async function act(d: Deps, actor: Actor, input: ActInput) {
  const tree = await d.orgTree()
  const c = await loadReadable(d, tree, actor, input.id)
  if ('ok' in c) return c
  // Own keys only: an action named "__proto__" or "constructor" must not find Object's members.
  const prepare = Object.prototype.hasOwnProperty.call(PREPARE, input.action) ? PREPARE[input.action] : undefined
  const params = prepare ? await prepare(d, tree, actor, c, input) : {}
  if ('ok' in params && params.ok === false) return params as Failure
  if (input.attachments) {
    for (const id of input.attachments) {
      const meta = await d.store.getFileMeta(id)
      if (!meta || meta.ownerId !== actor.userId) return fail('VALIDATION', '照片无效，请重新上传', { attachments: id })
    }
  }
  const out = transition(REPORT, tree, c, {
    actor,
    action: input.action,
    note: input.note,
    attachments: input.attachments,
    now: d.clock.now(),
    eventId: d.newId(),
    expectedVersion: input.version,
    params: params as Record<string, unknown>,
    visibility: input.noteVisibility ?? 'internal',
  })
  if (!out.ok) return out
  const conflict = await saveTransition(d, c, out.case, out.event)
  if (conflict) return conflict
  return { ok: true as const, ...(await detail(d, tree, actor, out.case)) }
}

export async function detail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  return {
    case: await staffCaseView(d, tree, actor, c),
    timeline: await timelineViews(d, actor, c, await d.store.timeline(c.id)),
    actions: actionsFor(tree, actor, c, d.clock.now()),
  }
}

export async function get(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await loadReadable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'cases.get')
  return { ok: true as const, ...(await detail(d, tree, actor, c)) }
}

export async function bulkAssign(d: Deps, actor: Actor, input: { ids: string[]; assigneeId?: string; department?: string }) {
  const results: Array<{ id: string; ok: boolean; code?: string; message?: string }> = []
  for (const id of [...new Set(input.ids)]) {
    const c = await d.store.getCase(id)
    const r = await act(d, actor, { id, action: 'assign', version: c?.version ?? 0, assigneeId: input.assigneeId, department: input.department })
    results.push(r.ok ? { id, ok: true } : { id, ok: false, code: r.code, message: r.message })
  }
  return { ok: true as const, results }
}

/** The reporter's own moves go through the same table; only the view differs. */
export async function residentAct(d: Deps, actor: Actor, input: ActInput) {
  const r = await act(d, actor, input)
  if (!r.ok) return r
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  return { ok: true as const, case: await caseView(d, tree, c!) }
}

export type { ReportPayload }
