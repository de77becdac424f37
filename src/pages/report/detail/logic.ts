import type { CaseView, TimelineView } from '../../../contracts/api'
import { CASE_NOTE_MAX as REOPEN_MAX, RATING_COMMENT_MAX as COMMENT_MAX } from '../../../contracts/limits'
import { REPORT_CONFIRM_WINDOW_DAYS } from '../../../core/kinds/reportTerms'

/**
 * The server labels the viewer's own timeline events "我"; the submit event is the reporter's, so
 * this tells the reporter apart from staff or followers who may also read the case.
 */
export function isReporter(timeline: TimelineView[]): boolean {
  return timeline.some((e) => e.action === 'submit' && e.actorLabel === '我')
}

/** The reporter decides on a resolved case: confirm with stars, or reopen with a reason. */
export function canDecide(c: Pick<CaseView, 'status'>, timeline: TimelineView[]): boolean {
  return c.status === 'resolved' && isReporter(timeline)
}

/** Until when the reporter may still reopen: 7 days after the latest 办结, as the server counts. */
export function decideDeadline(timeline: TimelineView[]): string | null {
  const resolved = [...timeline].reverse().find((e) => e.action === 'resolve')
  if (!resolved) return null
  return new Date(Date.parse(resolved.at) + REPORT_CONFIRM_WINDOW_DAYS * 24 * 3600 * 1000).toISOString()
}

/** The rating on a closed case, when the server includes it (StaffCaseView always does). */
export function ratingOf(c: CaseView): { rating: number; comment: string | null } | null {
  const x = c as CaseView & { rating?: unknown; ratingComment?: unknown }
  if (typeof x.rating !== 'number' || x.rating < 1 || x.rating > 5) return null
  return { rating: x.rating, comment: typeof x.ratingComment === 'string' && x.ratingComment ? x.ratingComment : null }
}

/** Only open cases can be late: once 已办结 or finished, a past deadline is history, not a warning. */
const OPEN = new Set(['submitted', 'accepted', 'assigned', 'in_progress'])

export function isOverdue(c: Pick<CaseView, 'status' | 'slaDeadline'>, now: number = Date.now()): boolean {
  return OPEN.has(c.status) && c.slaDeadline !== null && Date.parse(c.slaDeadline) < now
}

export { COMMENT_MAX, REOPEN_MAX }
