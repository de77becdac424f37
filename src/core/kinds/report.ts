import type { Case } from '../case'
import type { GeoPoint } from '../geo'
import { fail } from '../outcome'
import { all, type Guard, type KindDefinition, type Patch, type TransitionRule } from '../transition'

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

const needNoteText: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写备注内容', { note: '必填' }))

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

// ---- Moderation: what of a report the public may see (rows without `to`: the status stays) ----

/** The quick reasons for hiding a photo in one tap. */
export const PHOTO_HIDE_REASONS = ['人脸', '车牌', '其他'] as const

/** WeChat content security's verdict: publishable, a person should look, not publishable. */
export type ContentSuggest = 'pass' | 'review' | 'risky'

/**
 * What the moderation use case hands a moderation row (`params.moderation`): the photo, the
 * redacted text, the content-security verdict on whatever would become public, the trace id of
 * an image check. A move without it (e.g. through `cases.act`) is refused: moderation is audited.
 */
export interface ModerationParams {
  fileId?: string
  text?: string
  textSuggest?: ContentSuggest
  traceId?: string
}

const MODERATION_ROLES = ['dispatcher', 'grid_worker'] as const

function moderationParams(input: { params?: Record<string, unknown> }): ModerationParams | null {
  const m = input.params?.moderation
  return typeof m === 'object' && m !== null ? (m as ModerationParams) : null
}

const viaModeration: Guard = ({ input }) => (moderationParams(input) ? null : fail('VALIDATION', '内容审核请在审核队列中处理'))

const needReason: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写原因', { reason: '必填' }))

const TEXT_REFUSED: Record<ContentSuggest, string> = {
  pass: '',
  review: '微信内容安全检测提示该文字需人工复核，不能公开；可编辑后公开或隐藏',
  risky: '该文字未通过微信内容安全检测，不能公开；可编辑后公开或隐藏',
}

const textPassed: Guard = ({ input }) => {
  const s = moderationParams(input)?.textSuggest
  if (s === 'pass') return null
  return fail('VALIDATION', s ? TEXT_REFUSED[s] : '公开前须通过内容安全检测', { text: s ? '未通过检测' : '未检测' })
}

const needRedaction: Guard = ({ input }) => {
  const t = moderationParams(input)?.text
  return typeof t === 'string' && t.trim().length > 0 ? null : fail('VALIDATION', '请填写编辑后的描述', { text: '必填' })
}

const descriptionNot =
  (state: ModerationState, message: string): Guard =>
  ({ c }) =>
    moderationOf(c.payload as ReportPayload).description === state ? fail('ILLEGAL_TRANSITION', message) : null

/** The photo named in the move, when it is one of the report's own. */
function photoOf(c: Case, input: { params?: Record<string, unknown> }): string | null {
  const id = moderationParams(input)?.fileId
  return typeof id === 'string' && (c.payload as ReportPayload).photos.includes(id) ? id : null
}

const photoOfReport: Guard = ({ c, input }) => (photoOf(c, input) ? null : fail('VALIDATION', '该照片不属于此事项', { fileId: '无效' }))

const photoPublishable: Guard = ({ c, input }) => {
  const id = photoOf(c, input)!
  const m = moderationOf(c.payload as ReportPayload)
  if (m.photos[id] === 'published') return fail('ILLEGAL_TRANSITION', '照片已公开')
  if (m.checking?.[id]) return fail('ILLEGAL_TRANSITION', '照片正在进行内容安全检测，请稍候')
  return typeof moderationParams(input)?.traceId === 'string' ? null : fail('VALIDATION', '公开前须提交内容安全检测')
}

const photoNotHidden: Guard = ({ c, input }) =>
  moderationOf(c.payload as ReportPayload).photos[photoOf(c, input)!] === 'hidden' ? fail('ILLEGAL_TRANSITION', '照片已隐藏') : null

/** A verdict applies only to the check still running for that photo (a hide since then wins). */
const checkStillRunning: Guard = ({ c, input }) => {
  const m = moderationParams(input)
  const id = photoOf(c, input)
  return id && m?.traceId && moderationOf(c.payload as ReportPayload).checking?.[id] === m.traceId ? null : fail('ILLEGAL_TRANSITION', '该照片没有进行中的内容安全检测')
}

const reportHidden =
  (hidden: boolean, message: string): Guard =>
  ({ c }) =>
    moderationOf(c.payload as ReportPayload).hidden === hidden ? null : fail('ILLEGAL_TRANSITION', message)

function moderate(c: Case, change: (m: ReportModeration) => ReportModeration): Partial<Pick<Case, 'payload'>> {
  const p = c.payload as ReportPayload
  return { payload: { ...p, moderation: change(moderationOf(p)) } }
}

function withoutCheck(m: ReportModeration, fileId: string): ReportModeration {
  if (!m.checking || !(fileId in m.checking)) return m
  const { [fileId]: _done, ...rest } = m.checking
  const { checking: _all, ...base } = m
  return Object.keys(rest).length > 0 ? { ...base, checking: rest } : base
}

function describeAs(state: ModerationState, publicText?: string): (m: ReportModeration) => ReportModeration {
  return (m) => {
    const { publicDescription: _old, ...base } = m
    return { ...base, description: state, ...(publicText !== undefined ? { publicDescription: publicText } : {}) }
  }
}

const photoAs =
  (state: PhotoModerationState): Patch =>
  ({ c, input }) => {
    const id = photoOf(c, input)!
    return moderate(c, (m) => ({ ...withoutCheck(m, id), photos: { ...m.photos, [id]: state } }))
  }

const startCheck: Patch = ({ c, input }) => {
  const id = photoOf(c, input)!
  return moderate(c, (m) => ({ ...m, checking: { ...(m.checking ?? {}), [id]: moderationParams(input)!.traceId! } }))
}

const EVERY_STATUS = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged'] as const

/** Moderation moves of the report table; `cases.moderate` is their only way in. */
export const MODERATION_RULES: readonly TransitionRule[] = [
  { from: EVERY_STATUS, action: 'publish_description', roles: MODERATION_ROLES, guard: all(viaModeration, descriptionNot('published', '描述已公开'), textPassed), patch: ({ c }) => moderate(c, describeAs('published')) },
  { from: EVERY_STATUS, action: 'hide_description', roles: MODERATION_ROLES, guard: all(viaModeration, needReason, descriptionNot('hidden', '描述已隐藏')), patch: ({ c }) => moderate(c, describeAs('hidden')) },
  {
    from: EVERY_STATUS,
    action: 'redact_description',
    roles: MODERATION_ROLES,
    guard: all(viaModeration, needReason, needRedaction, textPassed),
    patch: ({ c, input }) => moderate(c, describeAs('edited', moderationParams(input)!.text!.trim())),
  },
  { from: EVERY_STATUS, action: 'publish_photo', roles: MODERATION_ROLES, guard: all(viaModeration, photoOfReport, photoPublishable), patch: startCheck },
  { from: EVERY_STATUS, action: 'hide_photo', roles: MODERATION_ROLES, guard: all(viaModeration, needReason, photoOfReport, photoNotHidden), patch: photoAs('hidden') },
  { from: EVERY_STATUS, action: 'hide_report', roles: MODERATION_ROLES, guard: all(viaModeration, needReason, reportHidden(false, '事项已对公众隐藏')), patch: ({ c }) => moderate(c, (m) => ({ ...m, hidden: true })) },
  { from: EVERY_STATUS, action: 'unhide_report', roles: MODERATION_ROLES, guard: all(viaModeration, reportHidden(true, '事项未被隐藏')), patch: ({ c }) => moderate(c, (m) => ({ ...m, hidden: false })) },
  // The verdict of an image check, pushed by WeChat: pass publishes, risky hides, review leaves it to staff.
  { from: EVERY_STATUS, action: 'photo_check_pass', roles: ['system'], guard: all(viaModeration, checkStillRunning), patch: photoAs('published') },
  { from: EVERY_STATUS, action: 'photo_check_risky', roles: ['system'], guard: all(viaModeration, checkStillRunning), patch: photoAs('hidden') },
  { from: EVERY_STATUS, action: 'photo_check_review', roles: ['system'], guard: all(viaModeration, checkStillRunning), patch: photoAs('pending') },
]

export const MODERATION_ACTION_LABELS: Record<string, string> = {
  publish_description: '公开描述',
  hide_description: '隐藏描述',
  redact_description: '编辑描述',
  publish_photo: '公开照片',
  hide_photo: '隐藏照片',
  hide_report: '对公众隐藏',
  unhide_report: '取消隐藏',
  photo_check_pass: '照片检测通过',
  photo_check_risky: '照片检测未通过',
  photo_check_review: '照片需人工复核',
}

export const MODERATION_ACTIONS: ReadonlySet<string> = new Set(MODERATION_RULES.map((r) => r.action))

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
    note: '添加备注',
    mark_overdue: '超时提醒',
    ...MODERATION_ACTION_LABELS,
  },
  terminalStatuses: ['closed', 'rejected', 'merged'],
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
    // A note without a move (内部备注 by default, or a 公开回复 for the reporter and followers).
    { from: OPEN, action: 'note', roles: ['grid_worker', 'dispatcher', 'department'], guard: all(gridWorkerStillResponsible, needNoteText) },
    ...MODERATION_RULES,
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
