import { z } from 'zod'
import type { Case } from '../case'
import { actionsOf, defineKind, param, type Check, type ParamPatch } from '../command'
import { openCase } from '../opening'
import { escalationTarget, levelOf } from '../escalation'
import type { OrgTree } from '../org'
import { fail } from '../outcome'
import type { ActorRole } from '../roles'
import { MODERATION_COMMANDS } from './reportModeration'
import { TO_MEDIATION_COMMANDS } from './reportToMediation'
import { REPORT_DECL } from './reportDecl'
import {
  FOLLOW_UP_SATISFACTION_LABELS,
  FOLLOW_UP_SATISFACTIONS,
  REPORT_CONFIRM_WINDOW_DAYS,
  type FollowUpSatisfaction,
  type ReportCase,
  type ReportPayload,
  type ReportStatus,
} from './reportTerms'
import { withFields } from '../withFields'

export * from './reportTerms'
export { MODERATION_ACTIONS, type ModerationAction } from './reportModeration'

const DAY_MS = 24 * 3600 * 1000
const OPEN = ['submitted', 'accepted', 'assigned', 'in_progress'] as const

const action = actionsOf<ReportPayload, ReportStatus>()
type Rc = Check<ReportPayload>

/** The move's note is required: the refusal names the field as its form labels it (请填写处置情况). */
const needNote =
  (label: string): Rc =>
  ({ input }) =>
    input.note?.trim() ? null : fail('VALIDATION', `请填写${label}`, { note: '必填' })

/** A consultation (找网格员) is answered in words; a problem on the ground needs after-photos. */
const needAfterPhotos: Rc = ({ c, input }) =>
  c.payload.consult === true || (input.attachments?.length ?? 0) > 0 ? null : fail('VALIDATION', '办结需上传处置后照片', { attachments: '至少一张' })

function resolvedAtMs(c: ReportCase): number {
  const at = c.payload.resolvedAt
  return at ? Date.parse(at) : Date.parse(c.updatedAt)
}

/**
 * Once a case has moved above the grid, its grid worker no longer handles it on their own:
 * only if the command centre assigns it back to them.
 */
const gridWorkerStillResponsible: Rc = ({ c, input, role }) =>
  role !== 'grid_worker' || c.unitCode === c.gridCode || c.assigneeId === input.actor.userId
    ? null
    : fail('FORBIDDEN', '事项已上报至上级，由上级处置或分派')

/** A deadline `slaHours` from now; none (left as it is) without a usable figure. */
const slaHours = param(z.number().positive().optional().catch(undefined), fail('VALIDATION', '处置时限无效', { slaHours: '无效' }))
const slaFrom = (now: Date, hours: number | undefined) => (hours !== undefined ? { slaDeadline: new Date(now.getTime() + hours * 3600 * 1000).toISOString() } : {})

/** Text the form may leave out; any other value counts as absent, as the form never sends one. */
const optionalText = z.string().optional().catch(undefined)

/** A grid worker reports up only while the case is still at the grid; nobody goes above the city. */
export function escalationAllowed(tree: OrgTree, role: ActorRole, c: Case): boolean {
  if (!escalationTarget(tree, c.unitCode)) return false
  return role !== 'grid_worker' || levelOf(tree, c.unitCode) === 'grid'
}

const fromHotline: Rc = ({ c }) => (c.payload.source?.channel === 'hotline' ? null : fail('ILLEGAL_TRANSITION', '只有 12345 热线工单需要记录回访'))
const notFollowedUp: Rc = ({ c }) => (c.payload.followUp ? fail('ILLEGAL_TRANSITION', '该工单已记录回访结果') : null)
const recordFollowUp: ParamPatch<ReportPayload, { satisfaction: FollowUpSatisfaction }> = ({ c, input, params }) => ({
  payload: { ...c.payload, followUp: { satisfaction: params.satisfaction, at: input.now.toISOString() } },
})

const markOverdue: ParamPatch<ReportPayload, unknown> = ({ c, input }) => ({ payload: { ...c.payload, overdueSince: input.now.toISOString() } })

const note = (label: string, required: boolean, placeholder: string) => ({ name: 'note' as const, label, required, placeholder })

const ACTIONS = {
  accept: action({
    label: '受理',
    params: { slaHours },
    rows: [
      {
        from: ['submitted'],
        roles: ['grid_worker', 'dispatcher', 'department'],
        to: 'accepted',
        check: gridWorkerStillResponsible,
        // A grid worker who accepts becomes the handler; a dispatcher's acceptance leaves it to assignment.
        patch: ({ c, input, role, params }) => ({
          ...slaFrom(input.now, params.slaHours),
          ...(role === 'grid_worker' && c.assigneeId === null ? { assigneeId: input.actor.userId } : {}),
        }),
      },
    ],
  }),
  assign: action({
    label: '分派',
    params: {
      assigneeId: param(optionalText, fail('VALIDATION', '请选择处置人或部门', { assignee: '必填' })),
      department: param(optionalText, fail('VALIDATION', '请选择处置人或部门', { assignee: '必填' })),
    },
    form: [{ name: 'assignee', label: '分派给', required: true }],
    rows: [
      {
        from: OPEN,
        roles: ['dispatcher'],
        to: 'assigned',
        guard: ({ params }) => (params.assigneeId !== undefined || params.department !== undefined ? null : fail('VALIDATION', '请选择处置人或部门', { assignee: '必填' })),
        patch: ({ c, params }) => ({ assigneeId: params.assigneeId ?? null, payload: { ...c.payload, department: params.department } }),
      },
    ],
  }),
  start: action({
    label: '开始处置',
    rows: [{ from: ['accepted', 'assigned'], roles: ['grid_worker', 'department'], to: 'in_progress', check: gridWorkerStillResponsible }],
  }),
  resolve: action({
    label: '办结',
    form: [note('处置情况', true, '请说明处置经过和结果，居民可以看到'), { name: 'attachments', label: '处置后照片', required: true }],
    rows: [
      {
        from: ['accepted', 'assigned', 'in_progress'],
        roles: ['grid_worker', 'department'],
        to: 'resolved',
        check: [gridWorkerStillResponsible, needNote('处置情况'), needAfterPhotos],
        patch: ({ c, input }) => ({ payload: { ...c.payload, resolvedAt: input.now.toISOString() } }),
      },
    ],
  }),
  confirm: action({
    label: '确认评价',
    params: {
      rating: param(z.number().int().min(1).max(5), fail('VALIDATION', '请给出 1–5 星评价', { rating: '1–5' })),
      comment: param(optionalText, fail('VALIDATION', '评价内容无效', { comment: '无效' })),
    },
    form: [{ name: 'rating', label: '评价', required: true }],
    rows: [
      {
        from: ['resolved'],
        roles: ['resident'],
        to: 'closed',
        patch: ({ c, params }) => ({ payload: { ...c.payload, rating: params.rating, ratingComment: params.comment } }),
      },
    ],
  }),
  reopen: action({
    label: '重新打开',
    form: [note('重新打开的原因', true, '请说明问题还在哪里')],
    rows: [
      {
        from: ['resolved'],
        roles: ['resident'],
        to: 'in_progress',
        check: [
          needNote('重新打开的原因'),
          ({ c, input }) =>
            input.now.getTime() - resolvedAtMs(c) <= REPORT_CONFIRM_WINDOW_DAYS * DAY_MS
              ? null
              : fail('ILLEGAL_TRANSITION', `办结已超过 ${REPORT_CONFIRM_WINDOW_DAYS} 天，不能再重新打开`),
        ],
      },
    ],
  }),
  // 回访: a 12345 caller has no account to confirm with, so staff record what they said on the callback.
  follow_up: action({
    label: '记录回访',
    params: { satisfaction: param(z.enum(FOLLOW_UP_SATISFACTIONS), fail('VALIDATION', '请选择回访结果', { satisfaction: '必选' })) },
    form: [
      { name: 'satisfaction', label: '回访结果', required: true, choices: FOLLOW_UP_SATISFACTIONS.map((code) => ({ code, label: FOLLOW_UP_SATISFACTION_LABELS[code] })) },
      note('回访情况', false, '选填：来电人的意见；选「公开回复」才会发回 12345 平台'),
    ],
    offered: (c) => c.payload.source?.channel === 'hotline' && !c.payload.followUp,
    rows: [
      { from: ['resolved'], roles: ['grid_worker', 'dispatcher', 'department'], to: 'closed', check: [fromHotline, notFollowedUp, gridWorkerStillResponsible], patch: recordFollowUp },
      { from: ['closed'], roles: ['grid_worker', 'dispatcher', 'department'], check: [fromHotline, notFollowedUp, gridWorkerStillResponsible], patch: recordFollowUp },
    ],
  }),
  auto_close: action({
    label: '自动归档',
    rows: [
      {
        from: ['resolved'],
        roles: ['system'],
        to: 'closed',
        check: ({ c, input }) => (input.now.getTime() - resolvedAtMs(c) > REPORT_CONFIRM_WINDOW_DAYS * DAY_MS ? null : fail('ILLEGAL_TRANSITION', '确认期尚未结束')),
      },
    ],
  }),
  reject: action({
    label: '不予受理',
    form: [note('不予受理原因', true, '请说明原因，居民可以看到')],
    rows: [{ from: ['submitted', 'accepted'], roles: ['dispatcher'], to: 'rejected', check: needNote('不予受理原因') }],
  }),
  merge: action({
    label: '合并',
    params: { targetCaseId: param(z.string(), fail('VALIDATION', '请选择要合并到的事项', { targetCaseId: '必填' })) },
    form: [{ name: 'target', label: '合并到事项编号', required: true, placeholder: '请输入重复事项所合并到的事项编号' }, note('合并说明', false, '选填')],
    rows: [
      {
        from: ['submitted', 'accepted'],
        roles: ['dispatcher'],
        to: 'merged',
        guard: ({ c, params }) => (params.targetCaseId !== c.id ? null : fail('VALIDATION', '请选择要合并到的事项', { targetCaseId: '必填' })),
        patch: ({ c, params }) => ({ payload: { ...c.payload, mergedInto: params.targetCaseId } }),
      },
    ],
  }),
  escalate: action({
    label: '上报上级',
    roleLabels: { grid_worker: '上报街道' },
    params: { toUnitCode: param(z.string(), fail('VALIDATION', '已是最高层级，无法继续上报')), slaHours },
    form: [note('上报说明', true, '请说明需要上级协调的原因')],
    offered: (c, role, tree) => escalationAllowed(tree, role, c),
    rows: [
      {
        from: OPEN,
        roles: ['grid_worker', 'dispatcher', 'system'],
        // Up one level, handler cleared, a fresh deadline for the new level and the overdue mark reset.
        patch: ({ c, input, params }) => {
          const { overdueSince: _cleared, ...payload } = c.payload
          return { unitCode: params.toUnitCode, assigneeId: null, payload, ...slaFrom(input.now, params.slaHours) }
        },
      },
    ],
  }),
  mark_overdue: action({
    label: '超时提醒',
    rows: [
      {
        from: OPEN,
        roles: ['system'],
        check: ({ c, input }) =>
          c.slaDeadline !== null && Date.parse(c.slaDeadline) < input.now.getTime() && !c.payload.overdueSince ? null : fail('ILLEGAL_TRANSITION', '事项未超时或已标记超时'),
        patch: markOverdue,
      },
    ],
  }),
  // A note without a move (内部备注 by default, or a 公开回复 for the reporter and followers).
  note: action({
    label: '添加备注',
    form: [note('备注内容', true, '内部备注默认仅工作人员可见')],
    rows: [
      {
        from: OPEN,
        roles: ['grid_worker', 'dispatcher', 'department'],
        check: [gridWorkerStillResponsible, ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写备注内容', { note: '必填' }))],
      },
    ],
  }),
  ...MODERATION_COMMANDS,
  ...TO_MEDIATION_COMMANDS,
}

export type ReportAction = keyof typeof ACTIONS

export const REPORT = defineKind<ReportPayload, ReportStatus, ReportAction>({ ...REPORT_DECL, actions: ACTIONS })

export interface NewReport {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  category: string
  gridCode: string
  payload: ReportPayload
  now: Date
  /** Hours the grid has to accept (受理) before the case counts as overdue. */
  acceptHours?: number
  /** The role filing it: a resident, or a grid worker filing 代办. */
  /** Who files it: the resident, a grid worker for someone (代办), a building manager's fire check, an outside system (对接系统). */
  creatorRole?: 'resident' | 'grid_worker' | 'building_manager' | 'partner'
}

/** A new report starts at its grid, 已上报, version 1, with its first timeline row. */
export function openReport(r: NewReport) {
  return openCase(
    withFields(r, {
      kind: 'report',
      status: REPORT.initialStatus,
      unitCode: r.gridCode,
      slaDeadline: r.acceptHours ? new Date(r.now.getTime() + r.acceptHours * 3600 * 1000).toISOString() : null,
      actorRole: r.creatorRole ?? 'resident',
      action: 'submit',
      attachments: [...r.payload.photos],
    }),
  )
}
