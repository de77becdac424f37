import type { ActInput } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { escalationTarget } from '../../../src/core/escalation'
import { escalationAllowed, REPORT, type ReportAction, type ReportPayload } from '../../../src/core/kinds/report'
import { fail } from '../../../src/core/outcome'
import { actingRole, canRead } from '../../../src/core/scope'
import { leafCategory } from '../../config/district'
import type { Deps } from '../../deps'
import type { KindCommands, Prepare } from '../shared/act'
import { hotlineReplies } from '../hotline/replies'
import { alsoEnqueueOnEvent } from '../shared/persist'

// The moves a 12345 platform hears of (受理, 办结, 退回, 回访) are made here alone: their replies commit with them.
alsoEnqueueOnEvent(hotlineReplies)

function slaHoursOf(d: Deps, c: Case): number {
  return leafCategory(d.config, c.category)?.slaHours ?? 72
}

/**
 * Per-action preparation: what each move needs beyond the table (an SLA from the category, a
 * checked assignee, the next level up, a real merge target).
 */
const PREPARE: Partial<Record<ReportAction, Prepare<ActInput>>> = {
  // A 12345 order keeps the hotline's deadline (hotline/order.ts); others get their category's.
  accept: async ({ d, c }) => ({ params: (c.payload as ReportPayload).source?.channel === 'hotline' ? {} : { slaHours: slaHoursOf(d, c) } }),
  assign: async ({ d, tree, c, input }) => {
    if (input.department) {
      if (!d.config.departments.some((x) => x.code === input.department)) return fail('VALIDATION', '处置部门不存在', { department: '不存在' })
      return { params: { department: input.department } }
    }
    if (!input.assigneeId) return fail('VALIDATION', '请选择处置人或部门', { assignee: '必填' })
    const u = await d.store.getUser(input.assigneeId)
    const fits = u?.grants.some((g) => g.role === 'grid_worker' && c.gridCode !== null && tree.isWithin(c.gridCode, g.unitCode))
    const inStreet = u?.grants.some((g) => g.role === 'grid_worker' && c.gridCode !== null && tree.ancestorAt(g.unitCode, 'street')?.code === tree.ancestorAt(c.gridCode, 'street')?.code)
    if (!u || !(fits || inStreet)) return fail('VALIDATION', '只能分派给本街道的网格员', { assignee: '不在本街道' })
    return { params: { assigneeId: u.id } }
  },
  escalate: async ({ d, tree, actor, c, input }) => {
    if (!input.note?.trim()) return fail('VALIDATION', '请填写上报原因', { note: '必填' })
    const role = actingRole(tree, actor, c, ['grid_worker', 'dispatcher'])
    const target = escalationTarget(tree, c.unitCode)
    if (!target || (role && !escalationAllowed(tree, role, c))) return fail('ILLEGAL_TRANSITION', '该事项已不在您这一级，无法继续上报')
    return { params: { toUnitCode: target.code, slaHours: slaHoursOf(d, c) } }
  },
  merge: async ({ d, tree, actor, c, input }) => {
    if (!input.targetCaseId) return fail('VALIDATION', '请填写要合并到的事项编号', { targetCaseId: '必填' })
    const target = await d.store.getCase(input.targetCaseId)
    if (!target || target.id === c.id || !canRead(tree, actor, target) || REPORT.terminalStatuses.includes(target.status)) {
      return fail('VALIDATION', '合并目标不存在或已结束', { targetCaseId: '无效' })
    }
    return { params: { targetCaseId: target.id } }
  },
  confirm: async ({ input }) => ({ params: { rating: input.rating, comment: input.comment } }),
  follow_up: async ({ input }) => ({ params: { satisfaction: input.satisfaction } }),
}

export const REPORT_COMMANDS: KindCommands<ReportAction, ActInput> = {
  def: REPORT,
  notFound: '事项不存在或无权查看',
  prepare: PREPARE,
  attachments: true,
  publicNotes: true,
}
