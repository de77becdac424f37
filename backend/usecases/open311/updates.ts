import type { Case, TimelineEvent } from '../../../src/core/case'
import { REPORT } from '../../../src/core/kinds/report'
import { labelOf } from '../../../src/core/transition'
import { toW3c } from '../../../src/core/time'
import { hasPublicView } from '../report/publicView'
import type { Refusal } from './access'
import { list, type Doc, type Obj } from './document'
import { MAX_RANGE_DAYS, rangeOf } from './requests'
import { publiclyVisible, type RequestContext } from './requestView'

/**
 * GET servicerequestupdates, the extension FixMyStreet's client reads (Open311::GetServiceRequestUpdates):
 * what the public could see change on a report between `start_date` and `end_date` (at most 90
 * days; the last 24 hours by default), oldest first — a public update (公开回复) with its words,
 * a status move with the status's name; an internal note's words never.
 *
 * Reports are found by creation: those created in the 90 days up to `end_date` and changed since
 * `start_date` (no store query reads timelines across cases by time). A report's life, from
 * 上报 to its 7-day confirmation, fits well inside that.
 */
const DAY_MS = 86_400_000
const STORE_PAGE = 200
/** The specification's own bound on one answer. */
const MAX_UPDATES = 1000

/** FixMyStreet's states (Open311-FMS additional states): it keeps the finer ones, reads the rest as open/closed. */
const FMS_STATE: Record<string, string> = {
  submitted: 'open',
  accepted: 'open',
  assigned: 'action_scheduled',
  in_progress: 'in_progress',
  resolved: 'fixed',
  closed: 'closed',
  rejected: 'no_further_action',
  merged: 'duplicate',
  converted: 'internal_referral',
}

function updateOf(c: Case, e: TimelineEvent): Obj {
  const words = e.visibility === 'public' && e.note ? e.note : `状态更新为「${labelOf(REPORT.statusLabels, e.toStatus)}」`
  return {
    update_id: e.id,
    service_request_id: c.number!,
    status: FMS_STATE[e.toStatus] ?? 'open',
    updated_datetime: toW3c(e.at),
    description: words,
    media_url: null,
  }
}

export async function listUpdates(ctx: RequestContext, form: Record<string, string | string[]>): Promise<Doc | Refusal> {
  const { d } = ctx
  const range = rangeOf(d, form, 1)
  if ('status' in range) return range
  const changed: Case[] = []
  let before: string | undefined
  for (;;) {
    const batch = await d.store.listCases({
      kind: 'report',
      createdAfter: new Date(range.to - MAX_RANGE_DAYS * DAY_MS - 1).toISOString(),
      createdBefore: new Date(range.to + 1).toISOString(),
      order: 'newest',
      limit: STORE_PAGE,
      ...(before ? { before } : {}),
    })
    for (const c of batch) if (c.number && Date.parse(c.updatedAt) >= range.from && hasPublicView(d, c)) changed.push(c)
    if (batch.length < STORE_PAGE) break
    before = batch[batch.length - 1]!.id
  }
  const rows: Array<{ at: number; id: string; item: Obj }> = []
  for (const c of changed) {
    for (const e of await d.store.timeline(c.id)) {
      const at = Date.parse(e.at)
      if (at >= range.from && at <= range.to && publiclyVisible(e)) rows.push({ at, id: e.id, item: updateOf(c, e) })
    }
  }
  rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
  return { root: 'service_request_updates', body: list('request_update', rows.slice(0, MAX_UPDATES).map((r) => r.item)) }
}
