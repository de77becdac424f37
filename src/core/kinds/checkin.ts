import { z } from 'zod'
import type { Case } from '../case'
import { actionsOf, defineKind, param, type ParamPatch } from '../command'
import { openCase } from '../opening'
import { fail } from '../outcome'
import { PROXY_EVENT_LABELS, type ProxyMark } from '../proxyMark'
import { CHECKIN_SCOPE } from './scopes'
import { CHECKIN_STATUS_LABELS } from './statusLabels'
import { isLeaseEndValid, shanghaiDay, shanghaiDayEnd, type DocType } from '../rental'
import { withFields } from '../withFields'

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
  /** Null once purged. At rest (once `sealed` is set) the mask (张*明), as are the cohabitants' names. */
  name: string | null
  docType: DocType
  docNumberMasked: string | null
  cohabitants: Cohabitant[]
  /** The tenant's and the cohabitants' names, sealed by the backend's vault; gone once purged. */
  sealed?: string
  moveInDate: string
  leaseEnd: string
  /** `inPerson`: given to a grid worker or 代办员 face to face (代办登记), who declared it. */
  consent: { version: string; at: string; inPerson?: true }
  /** 代办: who registered the tenant for them; the tenant claims it by their phone (proxyMark.ts). */
  proxy?: ProxyMark
  refusedReason?: string
  /** When the stay ended (check-out) or was refused: the retention clock starts here. */
  leftAt?: string
  checkedOutAt?: string
  /** Set once by the daily job when the lease end passed without check-out. */
  leaseOverdueSince?: string
  purgedAt?: string
}

export type CheckinCase = Case<CheckinPayload>

/** A 代办 mark once the registration's personal data is purged: the agent stays, the tenant goes. */
function purgedMark(mark: ProxyMark): ProxyMark {
  const { sealed: _sealed, ...rest } = mark
  return { ...rest, name: '（已清除）', phone: '' }
}

const DAY_MS = 86_400_000

export { CHECKIN_STATUS_LABELS }

export type CheckinStatus = keyof typeof CHECKIN_STATUS_LABELS

const action = actionsOf<CheckinPayload, CheckinStatus>()

/**
 * For check-ins `slaDeadline` is when the daily job next has business with the registration:
 * the end of the lease day while active (the overdue flag), the moment of leaving once ended
 * (the retention clock), none while pending or once flagged. One indexed range serves both.
 */
const leaseDeadline = (leaseEnd: string): string => shanghaiDayEnd(leaseEnd)

const checkOut: ParamPatch<CheckinPayload, unknown> = ({ c, input }) => {
  const at = input.now.toISOString()
  return { payload: { ...c.payload, checkedOutAt: at, leftAt: at }, slaDeadline: at }
}

const badLeaseEnd = fail('VALIDATION', '租约到期日应为有效日期，且晚于入住日期', { leaseEnd: '应晚于入住日期' })

const ACTIONS = {
  confirm: action({
    label: '确认登记',
    rows: [{ from: ['pending'], roles: ['building_manager'], to: 'active', patch: ({ c }) => ({ slaDeadline: leaseDeadline(c.payload.leaseEnd) }) }],
  }),
  refuse: action({
    label: '驳回',
    form: [{ name: 'note', label: '驳回原因', required: true }],
    rows: [
      {
        from: ['pending'],
        roles: ['building_manager'],
        to: 'refused',
        check: ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写驳回原因', { reason: '必填' })),
        patch: ({ c, input }) => {
          const at = input.now.toISOString()
          return { payload: { ...c.payload, refusedReason: input.note!.trim(), leftAt: at }, slaDeadline: at }
        },
      },
    ],
  }),
  update: action({
    label: '修改信息',
    params: {
      leaseEnd: param(z.string().optional(), badLeaseEnd),
      phoneChanged: param(z.boolean().optional().catch(undefined), badLeaseEnd),
    },
    rows: [
      {
        from: ['pending', 'active'],
        roles: ['applicant'],
        // An update must change something, and a new lease end must still come after moving in.
        guard: ({ c, params }) => {
          if (params.leaseEnd === undefined && params.phoneChanged !== true) return fail('VALIDATION', '请填写要修改的手机号或租约到期日', { _: '无修改内容' })
          return params.leaseEnd !== undefined && !isLeaseEndValid(c.payload.moveInDate, params.leaseEnd) ? badLeaseEnd : null
        },
        patch: ({ c, params: { leaseEnd } }) => {
          if (leaseEnd === undefined) return {}
          const { leaseOverdueSince: _cleared, ...rest } = c.payload
          return { payload: { ...rest, leaseEnd }, slaDeadline: c.status === 'active' ? leaseDeadline(leaseEnd) : c.slaDeadline }
        },
      },
    ],
  }),
  check_out: action({
    label: '退租注销',
    rows: [
      { from: ['active'], roles: ['applicant', 'building_manager'], to: 'checked_out', patch: checkOut },
      // A tenant may withdraw a registration nobody has confirmed yet.
      { from: ['pending'], roles: ['applicant'], to: 'checked_out', patch: checkOut },
    ],
  }),
  flag_lease_overdue: action({
    label: '租约到期提醒',
    rows: [
      {
        from: ['active'],
        roles: ['system'],
        // Lease end (a Shanghai calendar day) is over, and the flag was not set before.
        check: ({ c, input }) => (shanghaiDay(input.now) > c.payload.leaseEnd && !c.payload.leaseOverdueSince ? null : fail('ILLEGAL_TRANSITION', '租约未到期或已提醒')),
        patch: ({ c, input }) => ({ payload: { ...c.payload, leaseOverdueSince: input.now.toISOString() }, slaDeadline: null }),
      },
    ],
  }),
  purge: action({
    label: '清除个人信息',
    // 0 allowed: purge at the next run.
    params: { retentionDays: param(z.number().min(0), fail('VALIDATION', '未配置保存期限')) },
    rows: [
      {
        from: ['checked_out', 'refused'],
        roles: ['system'],
        to: 'purged',
        guard: ({ c, input, params }) =>
          input.now.getTime() - Date.parse(c.payload.leftAt ?? c.updatedAt) >= params.retentionDays * DAY_MS ? null : fail('ILLEGAL_TRANSITION', '尚未超过保存期限'),
        // Personal fields go; what statistics need (building, grid, document type, dates) stays.
        patch: ({ c, input }) => ({
          payload: {
            ...c.payload,
            name: null,
            docNumberMasked: null,
            cohabitants: [],
            sealed: undefined,
            refusedReason: undefined,
            // 代办: who registered the tenant stays; the tenant's sealed name and phone and their masks go.
            ...(c.payload.proxy ? { proxy: purgedMark(c.payload.proxy) } : {}),
            purgedAt: input.now.toISOString(),
          },
          slaDeadline: null,
        }),
      },
    ],
  }),
}

export type CheckinAction = keyof typeof ACTIONS

export const CHECKIN = defineKind<CheckinPayload, CheckinStatus, CheckinAction>({
  kind: 'checkin',
  initialStatus: 'pending',
  statusLabels: CHECKIN_STATUS_LABELS,
  eventLabels: { check_in: '登记', ...PROXY_EVENT_LABELS },
  terminalStatuses: ['purged'],
  actions: ACTIONS,
  scope: CHECKIN_SCOPE,
})

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
  return openCase(
    withFields(r, {
      kind: 'checkin',
      status: CHECKIN.initialStatus,
      unitCode: r.gridCode,
      assigneeId: r.managerId,
      category: 'checkin',
      actorRole: 'applicant',
      action: 'check_in',
    }),
  )
}
