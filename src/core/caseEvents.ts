import type { CaseKind } from './case'

/**
 * The case events an outside system can follow (case webhooks) and a 12345 platform is answered
 * from. Which timeline move is which event, per kind, is `caseEventOf` (caseEventMap.ts).
 */
export const CASE_EVENT_NAMES = ['created', 'accepted', 'assigned', 'resolved', 'closed', 'escalated'] as const
export type CaseEventName = (typeof CASE_EVENT_NAMES)[number]

export const CASE_EVENT_LABELS: Record<CaseEventName, string> = {
  created: '新建',
  accepted: '受理',
  assigned: '分派',
  resolved: '办结',
  closed: '结案',
  escalated: '上报上级',
}

/**
 * Kinds an outside system may follow. Rental check-ins and misuse reports carry identity data and
 * reach only the door-access system, through its own events.
 */
export const SUBSCRIBABLE_KINDS = ['report', 'mediation', 'help'] as const satisfies readonly CaseKind[]
export type SubscribableKind = (typeof SUBSCRIBABLE_KINDS)[number]

export const SUBSCRIBABLE_KIND_LABELS: Record<SubscribableKind, string> = {
  report: '网格事件',
  mediation: '在线调解',
  help: '一键求助',
}

/** Which events of which kinds a subscription receives. */
export type EventSelection = Partial<Record<SubscribableKind, CaseEventName[]>>

/** The events each kind can produce, so an admin is offered only those (and a subscription selects nothing that never comes). */
export const EVENTS_OF_KIND: Record<SubscribableKind, readonly CaseEventName[]> = {
  report: ['created', 'accepted', 'assigned', 'resolved', 'closed', 'escalated'],
  mediation: ['created', 'accepted', 'assigned', 'closed', 'escalated'],
  help: ['created', 'accepted', 'closed', 'escalated'],
}
