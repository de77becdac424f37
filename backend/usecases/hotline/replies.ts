import type { Case, TimelineEvent } from '../../../src/core/case'
import { FOLLOW_UP_SATISFACTION_LABELS, REPORT, type ReportPayload } from '../../../src/core/kinds/report'
import { toW3c } from '../../../src/core/time'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import type { OutboxMessage } from '../../ports'

/** The outbox topic of the replies to a 12345 platform: one message per reply, in order per ticket. */
export const HOTLINE_REPLY = 'hotline.reply'

/** The moves a 12345 platform hears of, and what it calls each (受理, 办结, 退回, 回访). */
export const REPLY_TYPES = {
  accept: { type: 'accepted', label: '受理' },
  resolve: { type: 'resolved', label: '办结' },
  reject: { type: 'rejected', label: '退回' },
  follow_up: { type: 'followUp', label: '回访' },
} as const

export type ReplyType = (typeof REPLY_TYPES)[keyof typeof REPLY_TYPES]['type']

/**
 * What the platform receives. No caller name or phone, no internal note: the ticket (the
 * platform's own reference), our case number, the status, and the words staff marked 公开.
 */
export interface HotlineReplyBody {
  id: string
  type: ReplyType
  typeLabel: string
  ticket: string
  caseNumber: string | null
  occurredAt: string
  status: string
  statusLabel: string
  unitName: string
  deadline: string | null
  /** 办结: the handling result; 退回: the reason; 回访: what the caller said. Only a note marked 公开, else null. */
  result: string | null
  /** 回访 only. */
  satisfaction?: string
  satisfactionLabel?: string
}

/** The outbox payload: whom it goes to, and the body frozen as the move happened. */
export interface HotlineReplyPayload {
  partnerId: string
  ticket: string
  caseId: string
  body: HotlineReplyBody
}

/**
 * The reply a move on a 12345 order owes its platform, written with the move's timeline row (usecases/shared/persist.ts):
 * none for other cases and other moves. Keyed by partner and ticket, so one ticket's replies go in the order of its moves.
 */
export async function hotlineReplies(d: Deps, c: Case, e: TimelineEvent): Promise<OutboxMessage[]> {
  if (c.kind !== 'report') return []
  const source = (c.payload as ReportPayload).source
  if (source?.channel !== 'hotline' || !source.ticket) return []
  const reply = Object.prototype.hasOwnProperty.call(REPLY_TYPES, e.action) ? REPLY_TYPES[e.action as keyof typeof REPLY_TYPES] : undefined
  if (!reply) return []
  const tree = await d.orgTree()
  const id = d.newId()
  const followUp = reply.type === 'followUp' ? (c.payload as ReportPayload).followUp : undefined
  const body: HotlineReplyBody = {
    id,
    type: reply.type,
    typeLabel: reply.label,
    ticket: source.ticket,
    caseNumber: c.number ?? null,
    occurredAt: toW3c(e.at),
    status: c.status,
    statusLabel: labelOf(REPORT.statusLabels, c.status),
    unitName: tree.get(c.unitCode)?.name ?? '',
    deadline: c.slaDeadline ? toW3c(c.slaDeadline) : null,
    result: e.visibility === 'public' ? e.note : null,
    ...(followUp ? { satisfaction: followUp.satisfaction, satisfactionLabel: FOLLOW_UP_SATISFACTION_LABELS[followUp.satisfaction] } : {}),
  }
  const payload: HotlineReplyPayload = { partnerId: source.partnerId, ticket: source.ticket, caseId: c.id, body }
  const now = d.clock.now().toISOString()
  return [
    {
      id,
      topic: HOTLINE_REPLY,
      key: `hotline:${source.partnerId}:${source.ticket}`,
      payload: payload as unknown as Record<string, unknown>,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      deliveredAt: null,
      lastError: null,
    },
  ]
}
