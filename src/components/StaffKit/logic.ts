/**
 * Pure helpers shared by the staff pages (mini-program + H5) and the H5 console: no Taro, no React,
 * so jest can test them directly (test/app/staff-logic.test.ts).
 */
import type { ActInput, ActionView, AssigneeView, NoteVisibility, QueueFilter } from '../../contracts/api'
import { isCaseNumber } from '../../core/caseNumber'
import { REPORT_STATUS_LABELS } from '../../core/kinds/reportTerms'
import type { Failure } from '../../core/outcome'
import type { Role } from '../../core/roles'
import { isPhone } from '../../utils/phone'
import { PERSON_NAME_MAX } from '../../contracts/limits'

export { withBom } from '../../utils/download-csv'
export { isPhone, normalizePhone } from '../../utils/phone'

/** Statuses still being worked on; the SLA countdown only means something for these. */
export const OPEN_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress'] as const

export interface QueueTab {
  key: 'submitted' | 'open' | 'resolved' | 'all'
  label: string
  /** Undefined: no status filter (全部). */
  statuses?: string[]
}

export const QUEUE_TABS: QueueTab[] = [
  { key: 'submitted', label: '待受理', statuses: ['submitted'] },
  { key: 'open', label: '处理中', statuses: ['accepted', 'assigned', 'in_progress'] },
  { key: 'resolved', label: '已办结', statuses: ['resolved'] },
  { key: 'all', label: '全部' },
]

/** Every report status in workflow order (the core's label table is in that order), for the console's status multi-select. */
export const STATUS_OPTIONS: Array<{ key: string; label: string }> = Object.entries(REPORT_STATUS_LABELS).map(([key, label]) => ({ key, label }))

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "25 分钟", "3 小时", "2 天 5 小时": coarse enough to read at a glance, never "0 小时". */
export function spanText(ms: number): string {
  const abs = Math.abs(ms)
  if (abs < HOUR) return `${Math.max(1, Math.floor(abs / MINUTE))} 分钟`
  if (abs < 2 * DAY) return `${Math.floor(abs / HOUR)} 小时`
  const days = Math.floor(abs / DAY)
  const hours = Math.floor((abs - days * DAY) / HOUR)
  return hours ? `${days} 天 ${hours} 小时` : `${days} 天`
}

export interface SlaInfo {
  text: string
  overdue: boolean
  /** Less than 4 hours left: shown in orange so it is picked first. */
  urgent: boolean
}

/**
 * "还剩 3 小时" / "已超时 2 小时" from the SLA deadline, for open cases only (a resolved case's old
 * deadline says nothing useful). `serverOverdue` wins when the server already marked it.
 */
export function slaInfo(deadline: string | null, status: string, now: Date, serverOverdue = false): SlaInfo | null {
  if (!deadline || !(OPEN_STATUSES as readonly string[]).includes(status)) return null
  const left = Date.parse(deadline) - now.getTime()
  if (Number.isNaN(left)) return null
  // The server's word wins: a phone clock that disagrees must not show "time left" on an overdue case.
  if (left <= 0 || serverOverdue) return { text: left <= 0 ? `已超时 ${spanText(left)}` : '已超时', overdue: true, urgent: false }
  return { text: `还剩 ${spanText(left)}`, overdue: false, urgent: left < 4 * HOUR }
}

/**
 * The server labels escalation generically (上报上级); a grid worker's next level is always the
 * street, so they see where it goes.
 */
export function actionLabel(a: ActionView, roles: readonly Role[]): string {
  if (a.action === 'escalate' && roles.includes('grid_worker') && !roles.includes('dispatcher')) return '上报街道'
  return a.label
}

/** Moves with consequences people cannot undo are drawn as danger buttons. */
export function actionTone(action: string): 'primary' | 'danger' | 'default' {
  if (action === 'reject') return 'danger'
  if (action === 'accept' || action === 'resolve' || action === 'start' || action === 'assign') return 'primary'
  return 'default'
}

export function needsForm(a: ActionView): boolean {
  return a.needs.length > 0
}

export interface ActForm {
  note: string
  /** File ids of uploaded after-photos. */
  attachments: string[]
  assignee: AssigneeView | null
  targetCaseId: string
  rating: number
  comment: string
  /** 回访结果 of a 12345 order (满意 / 基本满意 / 不满意), by code. */
  satisfaction: string
  /** Staff notes stay internal unless the handler chooses 公开回复. */
  noteVisibility: NoteVisibility
}

export function emptyActForm(): ActForm {
  return { note: '', attachments: [], assignee: null, targetCaseId: '', rating: 0, comment: '', satisfaction: '', noteVisibility: 'internal' }
}

/** The two choices for a staff note, internal first (the default), each with who will read it. */
export const NOTE_VISIBILITY_OPTIONS: Array<{ value: NoteVisibility; label: string; hint: string }> = [
  { value: 'internal', label: '内部备注', hint: '仅办理人员可见，居民和关注者看不到' },
  { value: 'public', label: '公开回复', hint: '上报人和关注此事项的居民都能看到，请勿填写姓名、电话、门牌等个人信息' },
]

export function visibilityHint(v: NoteVisibility): string {
  return NOTE_VISIBILITY_OPTIONS.find((o) => o.value === v)?.hint ?? ''
}

/** The cases.act input for one move: only the fields the server asked for, trimmed. */
export function buildActInput(c: { id: string; version: number }, a: ActionView, f: ActForm): ActInput {
  const input: ActInput = { id: c.id, action: a.action, version: c.version }
  if (a.needs.includes('note') && f.note.trim()) {
    input.note = f.note.trim()
    // Said explicitly either way, so what the handler picked is what the server stores.
    input.noteVisibility = f.noteVisibility
  }
  if (a.needs.includes('attachments') && f.attachments.length) input.attachments = f.attachments
  if (a.needs.includes('assignee') && f.assignee) {
    if (f.assignee.kind === 'user') input.assigneeId = f.assignee.id
    else input.department = f.assignee.id
  }
  if (a.needs.includes('target') && f.targetCaseId.trim()) input.targetCaseId = f.targetCaseId.trim()
  if (a.needs.includes('rating') && f.rating) {
    input.rating = f.rating
    if (f.comment.trim()) input.comment = f.comment.trim()
  }
  if (a.needs.includes('satisfaction') && f.satisfaction) input.satisfaction = f.satisfaction as NonNullable<ActInput['satisfaction']>
  return input
}

/** Field names of the server's `details` mapped onto the sheet's fields. */
export function actFieldOf(key: string): 'note' | 'attachments' | 'assignee' | 'target' | 'rating' | 'satisfaction' | null {
  if (key === 'note') return 'note'
  if (key.startsWith('attachments')) return 'attachments'
  if (key === 'assignee' || key === 'assigneeId' || key === 'department') return 'assignee'
  if (key === 'target' || key === 'targetCaseId') return 'target'
  if (key === 'rating' || key === 'comment') return 'rating'
  if (key === 'satisfaction') return 'satisfaction'
  return null
}

/** Assignee for bulk assignment: users by id, departments by code. */
export function bulkTarget(a: AssigneeView): { assigneeId?: string; department?: string } {
  return a.kind === 'user' ? { assigneeId: a.id } : { department: a.id }
}

// ---- 代办上报: the resident the grid worker files for ----

export interface ProxyPerson {
  name: string
  phone: string
}

export type ProxyErrors = Partial<Record<'proxyName' | 'proxyPhone', string>>

export function validateProxy(p: ProxyPerson): ProxyErrors {
  const e: ProxyErrors = {}
  const name = p.name.trim()
  if (!name) e.proxyName = '请填写居民姓名'
  else if (Array.from(name).length > PERSON_NAME_MAX) e.proxyName = `姓名不能超过 ${PERSON_NAME_MAX} 个字`
  if (!p.phone.trim()) e.proxyPhone = '请填写居民联系电话'
  else if (!isPhone(p.phone)) e.proxyPhone = '请填写 11 位手机号或带区号的固定电话'
  return e
}

export function proxyFieldOf(key: string): keyof ProxyErrors | null {
  if (key === 'proxy.name' || key === 'proxyName') return 'proxyName'
  if (key === 'proxy.phone' || key === 'proxyPhone' || key === 'proxy') return 'proxyPhone'
  return null
}

// ---- console filters ----

export interface ConsoleFilter {
  statuses: string[]
  category: string
  gridCode: string
  overdue: boolean
  from: string
  to: string
  /** A case number typed into the search box (京溪-2026-00042); a filter saved before it has none. */
  number?: string
}

export function emptyConsoleFilter(): ConsoleFilter {
  return { statuses: [], category: '', gridCode: '', overdue: false, from: '', to: '', number: '' }
}

/** The QueueFilter the server takes: empty fields left out rather than sent blank. */
export function toQueueFilter(f: ConsoleFilter): QueueFilter {
  const q: QueueFilter = {}
  if (f.statuses.length) q.statuses = [...f.statuses]
  if (f.category) q.category = f.category
  if (f.gridCode) q.gridCode = f.gridCode
  if (f.overdue) q.overdue = true
  if (f.from) q.from = f.from
  if (f.to) q.to = f.to
  if (f.number?.trim()) q.number = f.number.trim()
  return q
}

/** Day range check before asking the server: from after to is a typing slip. */
export function filterError(f: ConsoleFilter): string {
  if (f.from && f.to && f.from > f.to) return '开始日期不能晚于结束日期'
  if (f.number?.trim() && !isCaseNumber(f.number)) return '请输入完整的事项编号，如 京溪-2026-00042'
  return ''
}

export function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
}

// ---- dashboard numbers ----

/** 0.125 → "12.5%"; the server sends a fraction (or a percentage above 1, tolerated). */
export function percentText(rate: number): string {
  const pct = rate > 1 ? rate : rate * 100
  return `${Math.round(pct * 10) / 10}%`
}

/** 18.5 → "18.5 小时", 50 → "2.1 天"; null → "—" (nothing resolved yet). */
export function durationText(hours: number | null): string {
  if (hours === null || Number.isNaN(hours)) return '—'
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`
  return `${Math.round((hours / 24) * 10) / 10} 天`
}

/** Last 6 characters of a case id: what people read out on the phone. */
export function shortId(id: string): string {
  return id.length > 6 ? id.slice(-6) : id
}

/** A staff sheet's complaints by field. */
export type ActErrors = Partial<Record<'note' | 'attachments' | 'assignee' | 'target' | 'rating' | 'satisfaction', string>>

/** Whether the move's declaration marks its note required (办结's 处置情况, 不予受理原因 …). */
export function noteRequired(action: ActionView): boolean {
  return action.form?.some((f) => f.name === 'note' && f.required) ?? ['resolve', 'reject', 'note'].includes(action.action)
}

/** The server's complaint by field: one complaint in the message's own words (请填写处置情况); several, each field's own note. */
export function actErrorsFromFailure(failure: Failure): ActErrors {
  const fields: ActErrors = {}
  const details = Object.entries(failure.details ?? {})
  for (const [k, v] of details) {
    const f = actFieldOf(k)
    if (f && !fields[f]) fields[f] = details.length === 1 ? failure.message : v
  }
  return fields
}
