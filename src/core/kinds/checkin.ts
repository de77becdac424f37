import type { Case } from '../case'
import { fail } from '../outcome'
import { all, type Guard, type KindDefinition, type Patch } from '../transition'
import { isLeaseEndValid, shanghaiDay, shanghaiDayEnd, type DocType } from '../rental'

export interface Cohabitant {
  name: string
  relation: string
}

/**
 * What a check-in case keeps. Never the identity number or the phone: those live encrypted in
 * the registration vault, keyed by the case id; here only the masked number. A type alias
 * (not an interface) so a CheckinCase is assignable to the generic Case.
 */
export type CheckinPayload = {
  buildingId: string
  room: string
  /** Null once purged. */
  name: string | null
  docType: DocType
  docNumberMasked: string | null
  cohabitants: Cohabitant[]
  moveInDate: string
  leaseEnd: string
  consent: { version: string; at: string }
  refusedReason?: string
  /** When the stay ended (check-out) or was refused: the retention clock starts here. */
  leftAt?: string
  checkedOutAt?: string
  /** Set once by the daily job when the lease end passed without check-out. */
  leaseOverdueSince?: string
  purgedAt?: string
}

export type CheckinCase = Case<CheckinPayload>

const DAY_MS = 86_400_000

function pl(c: Case): CheckinPayload {
  return c.payload as unknown as CheckinPayload
}

const needReason: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写驳回原因', { reason: '必填' }))

/** An update must change something, and a new lease end must still come after moving in. */
const validUpdate: Guard = ({ c, input }) => {
  const leaseEnd = input.params?.leaseEnd
  const phoneChanged = input.params?.phoneChanged === true
  if (leaseEnd === undefined && !phoneChanged) return fail('VALIDATION', '请填写要修改的手机号或租约到期日', { _: '无修改内容' })
  if (leaseEnd !== undefined && (typeof leaseEnd !== 'string' || !isLeaseEndValid(pl(c).moveInDate, leaseEnd))) {
    return fail('VALIDATION', '租约到期日应为有效日期，且晚于入住日期', { leaseEnd: '应晚于入住日期' })
  }
  return null
}

/**
 * For check-ins `slaDeadline` is when the daily job next has business with the registration:
 * the end of the lease day while active (the overdue flag), the moment of leaving once ended
 * (the retention clock), none while pending or once flagged. One indexed range serves both.
 */
const leaseDeadline = (leaseEnd: string): string => shanghaiDayEnd(leaseEnd)

const patchUpdate: Patch = ({ c, input }) => {
  const leaseEnd = input.params?.leaseEnd as string | undefined
  if (leaseEnd === undefined) return {}
  const { leaseOverdueSince: _cleared, ...rest } = pl(c)
  return {
    payload: { ...rest, leaseEnd },
    slaDeadline: c.status === 'active' ? leaseDeadline(leaseEnd) : c.slaDeadline,
  }
}

const patchConfirm: Patch = ({ c }) => ({ slaDeadline: leaseDeadline(pl(c).leaseEnd) })

const patchRefuse: Patch = ({ c, input }) => {
  const at = input.now.toISOString()
  return { payload: { ...pl(c), refusedReason: input.note!.trim(), leftAt: at }, slaDeadline: at }
}

const patchCheckOut: Patch = ({ c, input }) => {
  const at = input.now.toISOString()
  return { payload: { ...pl(c), checkedOutAt: at, leftAt: at }, slaDeadline: at }
}

/** Lease end (a Shanghai calendar day) is over, and the flag was not set before. */
const leaseOver: Guard = ({ c, input }) =>
  shanghaiDay(input.now) > pl(c).leaseEnd && !pl(c).leaseOverdueSince ? null : fail('ILLEGAL_TRANSITION', '租约未到期或已提醒')

const patchFlag: Patch = ({ c, input }) => ({ payload: { ...pl(c), leaseOverdueSince: input.now.toISOString() }, slaDeadline: null })

/** `params.retentionDays` after leaving (0 allowed: purge at the next run). */
const retentionPassed: Guard = ({ c, input }) => {
  const days = input.params?.retentionDays
  const left = Date.parse(pl(c).leftAt ?? c.updatedAt)
  if (typeof days !== 'number' || !(days >= 0)) return fail('VALIDATION', '未配置保存期限')
  return input.now.getTime() - left >= days * DAY_MS ? null : fail('ILLEGAL_TRANSITION', '尚未超过保存期限')
}

/** Personal fields go; what statistics need (building, grid, document type, dates) stays. */
const patchPurge: Patch = ({ c, input }) => ({
  payload: { ...pl(c), name: null, docNumberMasked: null, cohabitants: [], refusedReason: undefined, purgedAt: input.now.toISOString() },
  slaDeadline: null,
})

export const CHECKIN_STATUS_LABELS = {
  pending: '待确认',
  active: '在住',
  refused: '已驳回',
  checked_out: '已退租',
  purged: '已清除',
} as const

export const CHECKIN: KindDefinition = {
  kind: 'checkin',
  initialStatus: 'pending',
  statusLabels: { ...CHECKIN_STATUS_LABELS },
  actionLabels: {
    check_in: '登记',
    confirm: '确认登记',
    refuse: '驳回',
    update: '修改信息',
    check_out: '退租注销',
    flag_lease_overdue: '租约到期提醒',
    purge: '清除个人信息',
  },
  terminalStatuses: ['purged'],
  rules: [
    { from: ['pending'], action: 'confirm', roles: ['building_manager'], to: 'active', patch: patchConfirm },
    { from: ['pending'], action: 'refuse', roles: ['building_manager'], to: 'refused', guard: needReason, patch: patchRefuse },
    { from: ['pending', 'active'], action: 'update', roles: ['applicant'], guard: validUpdate, patch: patchUpdate },
    { from: ['active'], action: 'check_out', roles: ['applicant', 'building_manager'], to: 'checked_out', patch: patchCheckOut },
    // A tenant may withdraw a registration nobody has confirmed yet.
    { from: ['pending'], action: 'check_out', roles: ['applicant'], to: 'checked_out', patch: patchCheckOut },
    { from: ['active'], action: 'flag_lease_overdue', roles: ['system'], guard: leaseOver, patch: patchFlag },
    { from: ['checked_out', 'refused'], action: 'purge', roles: ['system'], guard: all(retentionPassed), to: 'purged', patch: patchPurge },
  ],
}

export interface NewCheckin {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  gridCode: string
  managerId: string
  payload: CheckinPayload
  now: Date
}

/** A new registration waits (待确认) for the building's manager, who is its assignee. */
export function openCheckin(r: NewCheckin) {
  const at = r.now.toISOString()
  const c: CheckinCase = {
    id: r.id,
    kind: 'checkin',
    status: CHECKIN.initialStatus,
    unitCode: r.gridCode,
    gridCode: r.gridCode,
    assigneeId: r.managerId,
    category: 'checkin',
    payload: r.payload,
    creatorId: r.creatorId,
    idempotencyKey: r.idempotencyKey,
    createdAt: at,
    updatedAt: at,
    slaDeadline: null,
    version: 1,
  }
  return {
    case: c,
    event: { id: r.eventId, caseId: r.id, actorId: r.creatorId, actorRole: 'applicant' as const, action: 'check_in', fromStatus: null, toStatus: c.status, note: null, attachments: [], at, visibility: 'internal' as const },
  }
}
