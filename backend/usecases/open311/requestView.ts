import type { Case, TimelineEvent } from '../../../src/core/case'
import { moderationOf, REPORT_STATUS_LABELS, type ReportPayload } from '../../../src/core/kinds/report'
import type { OrgTree } from '../../../src/core/org'
import { toW3c } from '../../../src/core/time'
import type { Deps } from '../../deps'
import { FILE_EXT } from '../../ports'
import { publicDescription, roundLocation } from '../report/publicView'
import type { Obj } from './document'

/**
 * A report as Open311 shows it: its public view only (publicView.ts), for a case the caller has
 * checked with hasPublicView. The number people read is the service_request_id; the place is the
 * rounded point and the grid's name, never the reporter's address; no reporter, no source, no
 * internal note, no voice.
 */

/** Open311 knows two statuses: resolved (办结), rated, refused, merged and converted ones are closed. */
const OPEN_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress'] as const
export const OPEN311_STATUSES: Record<'open' | 'closed', readonly string[]> = {
  open: OPEN_STATUSES,
  closed: Object.keys(REPORT_STATUS_LABELS).filter((s) => !(OPEN_STATUSES as readonly string[]).includes(s)),
}

export function open311Status(status: string): 'open' | 'closed' {
  return (OPEN_STATUSES as readonly string[]).includes(status) ? 'open' : 'closed'
}

/** What the public saw change: a public update, or a move of the status (which the public view shows). */
export function publiclyVisible(e: TimelineEvent): boolean {
  return e.visibility === 'public' || (e.fromStatus !== null && e.fromStatus !== e.toStatus)
}

export interface RequestContext {
  d: Deps
  tree: OrgTree
  /** Absolute URL of the endpoint ('https://host/open311/v2'), for media links. */
  base: string
}

/** The stable link of a published photo, served through this endpoint (media.ts); `request` names its report. */
export async function mediaUrl(ctx: RequestContext, c: Case): Promise<string | null> {
  const p = c.payload as unknown as ReportPayload
  const m = moderationOf(p)
  for (const id of p.photos) {
    if (m.photos[id] !== 'published') continue
    const meta = await ctx.d.store.getFileMeta(id)
    if (meta && meta.contentType.startsWith('image/')) return `${ctx.base}/media/${id}.${FILE_EXT[meta.contentType]}${c.number ? `?request=${encodeURIComponent(c.number)}` : ''}`
  }
  return null
}

function serviceName(d: Deps, code: string): string {
  return d.config.categories.find((x) => x.code === code)?.name ?? code
}

/** The department handling it, else the unit responsible now (its name, not its code). */
function agency(ctx: RequestContext, c: Case): string {
  const dept = (c.payload as unknown as ReportPayload).department
  const named = dept ? ctx.d.config.departments.find((x) => x.code === dept)?.name : undefined
  return named ?? ctx.tree.get(c.unitCode)?.name ?? ''
}

export async function requestView(ctx: RequestContext, c: Case, events: readonly TimelineEvent[]): Promise<Obj> {
  const p = c.payload as unknown as ReportPayload
  const notes = events.filter((e) => e.visibility === 'public' && e.note)
  const seen = events.filter(publiclyVisible)
  const updated = seen.length ? seen[seen.length - 1]!.at : c.createdAt
  const at = roundLocation(p.location)
  const grid = c.gridCode ? ctx.tree.get(c.gridCode) : undefined
  return {
    service_request_id: c.number ?? '',
    status: open311Status(c.status),
    status_notes: notes.length ? notes[notes.length - 1]!.note : null,
    service_name: serviceName(ctx.d, c.category),
    service_code: c.category,
    description: publicDescription(p),
    agency_responsible: agency(ctx, c),
    service_notice: null,
    requested_datetime: toW3c(c.createdAt),
    updated_datetime: toW3c(updated),
    expected_datetime: c.slaDeadline ? toW3c(c.slaDeadline) : null,
    address: grid ? ctx.tree.path(grid.code) : null,
    address_id: null,
    zipcode: null,
    lat: at.lat,
    long: at.lng,
    media_url: await mediaUrl(ctx, c),
  }
}
