import type { Case } from '../case'
import type { GeoPoint } from '../geo'
import { fail } from '../outcome'
import { all, type Guard, type KindDefinition, type Patch } from '../transition'

export interface ReportLocation extends GeoPoint {
  address: string
}

/** 待审核 已公开 已隐藏 已编辑: where a piece of a report stands before the public may see it. */
export type ModerationState = 'pending' | 'published' | 'hidden' | 'edited'
export type PhotoModerationState = 'pending' | 'published' | 'hidden'

export const MODERATION_LABELS: Record<ModerationState, string> = {
  pending: '待审核',
  published: '已公开',
  hidden: '已隐藏',
  edited: '已编辑',
}

export interface ReportModeration {
  /** 'edited': the public sees publicDescription; payload.description keeps the original for staff. */
  description: ModerationState
  /** The redacted text shown to the public when description is 'edited'. */
  publicDescription?: string
  /** By file id; a photo missing here is pending. */
  photos: Record<string, PhotoModerationState>
  /** The whole report is hidden from the public view. */
  hidden: boolean
  /** File id → content-security trace id while an asynchronous image check runs. */
  checking?: Record<string, string>
}

/**
 * The moderation of a report as it stands; reports stored before moderation existed (no field)
 * read as all pending and not hidden, so nothing old becomes public by default.
 */
export function moderationOf(p: { photos?: readonly string[]; moderation?: ReportModeration }): ReportModeration {
  const m = p.moderation
  const photos: Record<string, PhotoModerationState> = {}
  for (const id of p.photos ?? []) {
    const s = m?.photos && Object.prototype.hasOwnProperty.call(m.photos, id) ? m.photos[id] : undefined
    photos[id] = s === 'published' || s === 'hidden' ? s : 'pending'
  }
  const description = m && Object.prototype.hasOwnProperty.call(MODERATION_LABELS, m.description) ? m.description : 'pending'
  return {
    description,
    ...(m?.publicDescription !== undefined ? { publicDescription: m.publicDescription } : {}),
    photos,
    hidden: m?.hidden === true,
    ...(m?.checking ? { checking: { ...m.checking } } : {}),
  }
}

/**
 * A type alias, not an interface: aliases get an implicit index signature, so a `ReportCase`
 * is assignable to the generic `Case` that `transition` and the store take.
 */
export type ReportPayload = {
  description: string
  photos: string[]
  location: ReportLocation
  anonymous: boolean
  /** Department code when a department handles the case (城管, 住建 …). */
  department?: string
  resolvedAt?: string
  rating?: number
  ratingComment?: string
  mergedInto?: string
  /** 代办: filed by a grid worker for a resident without a phone. */
  proxy?: { name: string; phone: string }
  /** 找网格员: a question to the grid worker rather than a problem on the ground. */
  consult?: boolean
  /** Set by the SLA timer when the deadline passed; escalation clears it. */
  overdueSince?: string
  /** What of it the public may see; absent (stored before moderation) means all pending. */
  moderation?: ReportModeration
}

export type ReportCase = Case<ReportPayload>

export const REPORT_CONFIRM_WINDOW_DAYS = 7

const DAY_MS = 24 * 3600 * 1000

const needNote: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写原因', { note: '必填' }))

/** A consultation (找网格员) is answered in words; a problem on the ground needs after-photos. */
const needAfterPhotos: Guard = ({ c, input }) =>
  (c.payload as { consult?: boolean }).consult === true || (input.attachments?.length ?? 0) > 0 ? null : fail('VALIDATION', '办结需上传处置后照片', { attachments: '至少一张' })

const needRating: Guard = ({ input }) => {
  const r = input.params?.rating
  return typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= 5
    ? null
    : fail('VALIDATION', '请给出 1–5 星评价', { rating: '1–5' })
}

function resolvedAtMs(c: Case): number {
  const at = (c.payload as Partial<ReportPayload>).resolvedAt
  return at ? Date.parse(at) : Date.parse(c.updatedAt)
}

const withinConfirmWindow: Guard = (ctx) =>
  ctx.input.now.getTime() - resolvedAtMs(ctx.c) <= REPORT_CONFIRM_WINDOW_DAYS * DAY_MS
    ? null
    : fail('ILLEGAL_TRANSITION', `办结已超过 ${REPORT_CONFIRM_WINDOW_DAYS} 天，不能再重新打开`)

const confirmWindowPassed: Guard = (ctx) =>
  ctx.input.now.getTime() - resolvedAtMs(ctx.c) > REPORT_CONFIRM_WINDOW_DAYS * DAY_MS
    ? null
    : fail('ILLEGAL_TRANSITION', '确认期尚未结束')


const setSla: Patch = ({ input }) => {
  const hours = input.params?.slaHours
  return typeof hours === 'number' && hours > 0
    ? { slaDeadline: new Date(input.now.getTime() + hours * 3600 * 1000).toISOString() }
    : {}
}

/** A grid worker who accepts becomes the handler; a dispatcher's acceptance leaves it to assignment. */
const acceptPatch: Patch = (ctx) => ({
  ...setSla(ctx),
  ...(ctx.role === 'grid_worker' && ctx.c.assigneeId === null ? { assigneeId: ctx.input.actor.userId } : {}),
})

/**
 * Once a case has moved above the grid, its grid worker no longer handles it on their own:
 * only if the command centre assigns it back to them.
 */
const gridWorkerStillResponsible: Guard = ({ c, input, role }) =>
  role !== 'grid_worker' || c.unitCode === c.gridCode || c.assigneeId === input.actor.userId
    ? null
    : fail('FORBIDDEN', '事项已上报至上级，由上级处置或分派')

const needAssignee: Guard = ({ input }) =>
  typeof input.params?.assigneeId === 'string' || typeof input.params?.department === 'string'
    ? null
    : fail('VALIDATION', '请选择处置人或部门', { assignee: '必填' })

const setAssignee: Patch = ({ c, input }) => ({
  assigneeId: typeof input.params?.assigneeId === 'string' ? input.params.assigneeId : null,
  payload: {
    ...c.payload,
    department: typeof input.params?.department === 'string' ? input.params.department : undefined,
  },
})

const markResolved: Patch = ({ c, input }) => ({
  payload: { ...c.payload, resolvedAt: input.now.toISOString() },
})

const recordRating: Patch = ({ c, input }) => ({
  payload: {
    ...c.payload,
    rating: input.params?.rating as number,
    ratingComment: typeof input.params?.comment === 'string' ? input.params.comment : undefined,
  },
})

const needTarget: Guard = ({ c, input }) =>
  typeof input.params?.targetCaseId === 'string' && input.params.targetCaseId !== c.id
    ? null
    : fail('VALIDATION', '请选择要合并到的事项', { targetCaseId: '必填' })

const setMergedInto: Patch = ({ c, input }) => ({
  payload: { ...c.payload, mergedInto: input.params?.targetCaseId as string },
})

const needUnit: Guard = ({ input }) =>
  typeof input.params?.toUnitCode === 'string' ? null : fail('VALIDATION', '已是最高层级，无法继续上报')

/** Up one level, handler cleared, a fresh deadline for the new level and the overdue mark reset. */
const moveUnit: Patch = ({ c, input }) => {
  const { overdueSince: _cleared, ...payload } = c.payload as ReportPayload
  return {
    unitCode: input.params?.toUnitCode as string,
    assigneeId: null,
    payload,
    ...setSla({ c, input, role: 'system' }),
  }
}

const deadlinePassed: Guard = ({ c, input }) =>
  c.slaDeadline !== null && Date.parse(c.slaDeadline) < input.now.getTime() && !(c.payload as ReportPayload).overdueSince
    ? null
    : fail('ILLEGAL_TRANSITION', '事项未超时或已标记超时')

const markOverdue: Patch = ({ c, input }) => ({ payload: { ...c.payload, overdueSince: input.now.toISOString() } })

const OPEN = ['submitted', 'accepted', 'assigned', 'in_progress'] as const

export const REPORT: KindDefinition = {
  kind: 'report',
  initialStatus: 'submitted',
  statusLabels: {
    submitted: '已上报',
    accepted: '已受理',
    assigned: '已分派',
    in_progress: '处置中',
    resolved: '已办结',
    closed: '已评价',
    rejected: '不予受理',
    merged: '已合并',
  },
  actionLabels: {
    submit: '上报',
    accept: '受理',
    assign: '分派',
    start: '开始处置',
    resolve: '办结',
    confirm: '确认评价',
    reopen: '重新打开',
    auto_close: '自动归档',
    reject: '不予受理',
    merge: '合并',
    escalate: '上报上级',
    mark_overdue: '超时提醒',
  },
  terminalStatuses: ['closed', 'rejected', 'merged'],
  scope: { department: (c) => (c.payload as ReportPayload).department },
  rules: [
    { from: ['submitted'], action: 'accept', roles: ['grid_worker', 'dispatcher', 'department'], to: 'accepted', guard: gridWorkerStillResponsible, patch: acceptPatch },
    { from: OPEN, action: 'assign', roles: ['dispatcher'], to: 'assigned', guard: needAssignee, patch: setAssignee },
    { from: ['accepted', 'assigned'], action: 'start', roles: ['grid_worker', 'department'], to: 'in_progress', guard: gridWorkerStillResponsible },
    {
      from: ['accepted', 'assigned', 'in_progress'],
      action: 'resolve',
      roles: ['grid_worker', 'department'],
      to: 'resolved',
      guard: all(gridWorkerStillResponsible, needNote, needAfterPhotos),
      patch: markResolved,
    },
    { from: ['resolved'], action: 'confirm', roles: ['resident'], to: 'closed', guard: needRating, patch: recordRating },
    { from: ['resolved'], action: 'reopen', roles: ['resident'], to: 'in_progress', guard: all(needNote, withinConfirmWindow) },
    { from: ['resolved'], action: 'auto_close', roles: ['system'], to: 'closed', guard: confirmWindowPassed },
    { from: ['submitted', 'accepted'], action: 'reject', roles: ['dispatcher'], to: 'rejected', guard: needNote },
    { from: ['submitted', 'accepted'], action: 'merge', roles: ['dispatcher'], to: 'merged', guard: needTarget, patch: setMergedInto },
    { from: OPEN, action: 'escalate', roles: ['grid_worker', 'dispatcher', 'system'], guard: needUnit, patch: moveUnit },
    { from: OPEN, action: 'mark_overdue', roles: ['system'], guard: deadlinePassed, patch: markOverdue },
  ],
}

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
  /** Who files it: the resident, a grid worker for someone (代办), a building manager's fire check. */
  creatorRole?: 'resident' | 'grid_worker' | 'building_manager'
}

/** A new report starts at its grid, 已上报, version 1, with its first timeline row. */
export function openReport(r: NewReport) {
  const at = r.now.toISOString()
  const c: ReportCase = {
    id: r.id,
    kind: 'report',
    status: REPORT.initialStatus,
    unitCode: r.gridCode,
    gridCode: r.gridCode,
    assigneeId: null,
    category: r.category,
    payload: r.payload,
    creatorId: r.creatorId,
    idempotencyKey: r.idempotencyKey,
    createdAt: at,
    updatedAt: at,
    slaDeadline: r.acceptHours ? new Date(r.now.getTime() + r.acceptHours * 3600 * 1000).toISOString() : null,
    version: 1,
  }
  return {
    case: c,
    event: {
      id: r.eventId,
      caseId: r.id,
      actorId: r.creatorId,
      actorRole: r.creatorRole ?? ('resident' as const),
      action: 'submit',
      fromStatus: null,
      toStatus: c.status,
      note: null,
      attachments: [...r.payload.photos],
      at,
      visibility: 'internal' as const,
    },
  }
}
