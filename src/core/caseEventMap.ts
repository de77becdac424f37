import type { CaseKind } from './case'
import type { CaseEventName, SubscribableKind } from './caseEvents'
import { KINDS } from './kinds'

export { EVENTS_OF_KIND } from './caseEvents'

/**
 * Which timeline move is which case event, per kind. One move is at most one event:
 *
 * - created: the case's first row (no status before it), however it was opened — applied, raised,
 *   filed 代办, entered by staff, converted from another case, posted by an outside system;
 * - accepted: staff took it on (网格事件 受理, 调解 受理, 一键求助 响应);
 * - assigned: someone else set or changed who handles it (网格事件 分派, 调解 重新指派);
 * - resolved: the handler finished the work and the case waits for the reporter's word
 *   (网格事件 办结; the kinds that end in one step have no such stage);
 * - closed: the case ended, whatever the result (it entered one of its kind's final statuses:
 *   已评价, 不予受理, 已合并, 已转调解, 调解成功, 调解不成, 对方不同意调解, 结束求助 …);
 * - escalated: it went up a level (网格事件 上报上级, 调解 上交上级调解, 一键求助 超时上报街道/区级).
 *
 * Everything else (notes, moderation, sessions, reminders, a person claiming a 代办 case …) is no
 * event an outside system follows.
 */
const BY_ACTION: Record<SubscribableKind, Readonly<Record<string, CaseEventName | Moved>>> = {
  report: { accept: 'accepted', assign: 'assigned', resolve: 'resolved', escalate: 'escalated' },
  mediation: { accept: 'accepted', reassign: 'assigned', pass_up: 'escalated' },
  // A second 响应 is refused (已有人响应) and records nothing; only the move to 已响应 counts.
  help: { accept: { moved: 'accepted' }, escalate: 'escalated', escalate_district: 'escalated' },
}

/** An event only when the move changed the status (a row that keeps it is no such event). */
interface Moved {
  moved: CaseEventName
}

function isSubscribable(kind: string): kind is SubscribableKind {
  return Object.prototype.hasOwnProperty.call(BY_ACTION, kind)
}

/** The case event a timeline move is for a subscriber, or null (not followed, or a kind nobody outside may follow). */
export function caseEventOf(kind: CaseKind | string, action: string, fromStatus: string | null, toStatus: string): CaseEventName | null {
  if (!isSubscribable(kind)) return null
  if (fromStatus === null) return 'created'
  const terminal = KINDS[kind].terminalStatuses
  if (terminal.includes(toStatus)) return terminal.includes(fromStatus) ? null : 'closed'
  const byAction = BY_ACTION[kind]
  const e = Object.prototype.hasOwnProperty.call(byAction, action) ? byAction[action]! : null
  if (e === null || typeof e === 'string') return e
  return fromStatus !== toStatus ? e.moved : null
}

/** The name a subscriber reads: `report.accepted`, `mediation.escalated`. */
export function qualifiedEvent(kind: SubscribableKind, event: CaseEventName): `${SubscribableKind}.${CaseEventName}` {
  return `${kind}.${event}`
}
