import { z } from 'zod'
import type { Case, TimelineEvent } from '../case'
import { actionsOf, defineKind, param, type Check } from '../command'
import { openCase } from '../opening'
import { PROXY_EVENT_LABELS } from '../proxyMark'
import { HELP_SCOPE, RESPONDER_ROLES } from './scopes'
import { fail } from '../outcome'
import type { ActorRole } from '../roles'
import { HELP_STATUS_LABELS, type HelpLink, type HelpPayload, type HelpStatus } from './helpTerms'

export * from './helpTerms'

/**
 * 一键求助: a person asks for help where they are; the community's on-duty helpers are told at
 * once and the first to accept takes it (已响应). Nobody within the district's minutes → the street's
 * 综治中心 (已上报街道), a further window → the district (an event, the status stays). The one who
 * took it closes it, or turns it into a mediation case or a 网格事件 (the link kept both ways).
 */

type HelpCase = Case<HelpPayload>

const action = actionsOf<HelpPayload, HelpStatus>()

export { RESPONDER_ROLES }
const TAKERS: readonly ActorRole[] = [...RESPONDER_ROLES, 'dispatcher']
const OPEN: readonly HelpStatus[] = ['raised', 'escalated']

const needNote =
  (label: string): Check<HelpPayload> =>
  ({ input }) =>
    input.note?.trim() ? null : fail('VALIDATION', `请填写${label}`, { note: '必填' })

/** Closing and converting are for the one who took it; the street's centre may step in. */
const theTaker: Check<HelpPayload> = ({ c, input, role }) =>
  role === 'dispatcher' || c.payload.takenBy === input.actor.userId ? null : fail('FORBIDDEN', '该求助不是由您响应')

const due: Check<HelpPayload> = ({ c, input }) =>
  c.slaDeadline !== null && Date.parse(c.slaDeadline) <= input.now.getTime() ? null : fail('ILLEGAL_TRANSITION', '尚未超过响应时限')

const minutes = param(z.number().finite().positive(), fail('VALIDATION', '时限应为正数分钟'))

const linkSchema = z.object({
  kind: z.enum(['mediation', 'report']),
  caseId: z.string().min(1),
  number: z.string().optional(),
})

const ACTIONS = {
  accept: action({
    label: '响应求助',
    rows: [
      {
        from: OPEN,
        roles: TAKERS,
        to: 'taken',
        patch: ({ c, input }) => ({
          assigneeId: input.actor.userId,
          slaDeadline: null,
          payload: { ...c.payload, takenBy: input.actor.userId, takenAt: input.now.toISOString() },
        }),
      },
      // The first wins: whoever comes second is told plainly, not "you may not".
      { from: ['taken'], roles: TAKERS, check: () => fail('ILLEGAL_TRANSITION', '已有人响应') },
    ],
  }),
  close: action({
    label: '结束求助',
    form: [{ name: 'note', label: '处理结果', required: true, placeholder: '如：已到场劝解，双方和好' }],
    rows: [
      {
        from: ['taken'],
        roles: TAKERS,
        to: 'closed',
        check: [theTaker, needNote('处理结果')],
        patch: ({ c, input }) => ({ slaDeadline: null, payload: { ...c.payload, closedAt: input.now.toISOString(), closeNote: input.note!.trim() } }),
      },
      // Nobody came yet and the centre dealt with it by phone (or it was raised by mistake).
      {
        from: OPEN,
        roles: ['dispatcher'],
        to: 'closed',
        check: needNote('处理结果'),
        patch: ({ c, input }) => ({ slaDeadline: null, payload: { ...c.payload, closedAt: input.now.toISOString(), closeNote: input.note!.trim() } }),
      },
    ],
  }),
  convert: action({
    label: '转为调解或网格事件',
    params: { link: param(linkSchema, fail('VALIDATION', '转办目标无效')) },
    rows: [
      {
        from: ['taken'],
        roles: TAKERS,
        to: 'closed',
        check: theTaker,
        patch: ({ c, input, params }) => ({
          slaDeadline: null,
          payload: {
            ...c.payload,
            closedAt: input.now.toISOString(),
            closeNote: input.note?.trim() || null,
            convertedTo: { kind: params.link.kind, caseId: params.link.caseId, ...(params.link.number ? { number: params.link.number } : {}) } satisfies HelpLink,
          },
        }),
      },
    ],
  }),
  escalate: action({
    label: '超时未响应，上报街道',
    params: { districtMinutes: minutes },
    rows: [
      {
        from: ['raised'],
        roles: ['system'],
        to: 'escalated',
        check: due,
        patch: ({ c, input, params }) => ({
          // The next window: the district hears of it when this one passes too.
          slaDeadline: new Date(input.now.getTime() + params.districtMinutes * 60_000).toISOString(),
          payload: { ...c.payload, escalation: 'street', escalatedAt: input.now.toISOString() },
        }),
      },
    ],
  }),
  escalate_district: action({
    label: '超时未响应，上报区级',
    rows: [
      {
        from: ['escalated'],
        roles: ['system'],
        check: [due, ({ c }) => (c.payload.escalation === 'street' ? null : fail('ILLEGAL_TRANSITION', '已上报区级'))],
        patch: ({ c, input }) => ({ slaDeadline: null, payload: { ...c.payload, escalation: 'district', districtAt: input.now.toISOString() } }),
      },
    ],
  }),
}

export type HelpAction = keyof typeof ACTIONS

export const HELP = defineKind<HelpPayload, HelpStatus, HelpAction>({
  kind: 'help',
  initialStatus: 'raised',
  statusLabels: HELP_STATUS_LABELS,
  eventLabels: { raise: '一键求助', ...PROXY_EVENT_LABELS },
  terminalStatuses: ['closed'],
  actions: ACTIONS,
  scope: HELP_SCOPE,
})

export interface NewHelp {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  now: Date
  gridCode: string
  communityCode: string
  /** The district's window before the street's centre is alarmed. */
  acceptMinutes: number
  /**
   * Nobody of the community is on duty: there is nobody to wait for, so the request goes to the
   * street's centre at once (已上报街道), with the district's window running from now.
   */
  nobodyOnDuty?: { districtMinutes: number }
  payload: Pick<HelpPayload, 'helpKind' | 'text' | 'voiceFileId' | 'location' | 'notified'>
}

/** A new request, responsible unit the community, due for acceptance within `acceptMinutes`. */
export function openHelp(r: NewHelp): { case: Case; event: TimelineEvent } {
  const at = r.now.toISOString()
  const toStreet = r.nobodyOnDuty
  const payload: HelpPayload = {
    ...r.payload,
    communityCode: r.communityCode,
    takenBy: null,
    takenAt: null,
    escalation: toStreet ? 'street' : null,
    escalatedAt: toStreet ? at : null,
    districtAt: null,
    closedAt: null,
    closeNote: null,
    convertedTo: null,
  }
  return openCase({
    id: r.id,
    eventId: r.eventId,
    creatorId: r.creatorId,
    idempotencyKey: r.idempotencyKey,
    now: r.now,
    kind: 'help',
    status: toStreet ? 'escalated' : HELP.initialStatus,
    unitCode: r.communityCode,
    gridCode: r.gridCode,
    category: r.payload.helpKind,
    payload,
    slaDeadline: new Date(r.now.getTime() + (toStreet ? toStreet.districtMinutes : r.acceptMinutes) * 60_000).toISOString(),
    actorRole: 'applicant',
    action: 'raise',
  })
}

/** The request's payload, read from a generic case. */
export function helpPayload(c: Case): HelpPayload {
  return (c as HelpCase).payload
}
