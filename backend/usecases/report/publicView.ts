import type { PublicCaseView, PublicUpdateView } from '../../../src/contracts/api'
import type { Case, TimelineEvent } from '../../../src/core/case'
import type { GeoPoint } from '../../../src/core/geo'
import { moderationOf, REPORT, type ReportPayload } from '../../../src/core/kinds/report'
import { labelOf } from '../../../src/core/transition'
import { categoryName, isSensitiveCategory } from '../../config/district'
import type { Deps } from '../../deps'
import { linksOf, type PageReads } from '../shared/pageReads'
import { photoViews } from '../shared/photoViews'

/** About 50 m: the public sees which block, never which door. */
export const PUBLIC_LOCATION_STEP_M = 50
const METRES_PER_DEGREE_LAT = 111_320

/**
 * Snaps a point to a fixed ~50 m lattice. The longitude step is taken at the latitude rounded to a
 * whole degree so every point in a cell lands on the same corner, whatever the query.
 */
export function roundLocation(p: GeoPoint): GeoPoint {
  const stepLat = PUBLIC_LOCATION_STEP_M / METRES_PER_DEGREE_LAT
  const stepLng = stepLat / Math.cos((Math.round(p.lat) * Math.PI) / 180)
  const snap = (v: number, step: number) => Number((Math.round(v / step) * step).toFixed(6))
  return { lng: snap(p.lng, stepLng), lat: snap(p.lat, stepLat) }
}

/**
 * Whether a report may be shown to anyone beyond its reporter and the staff in scope: never a
 * sensitive category, a 找网格员 question or a report staff hid from the public.
 */
export function hasPublicView(d: Deps, c: Case): boolean {
  if (c.kind !== 'report') return false
  const p = c.payload as unknown as ReportPayload
  if (p.consult === true) return false
  if (isSensitiveCategory(d.config, c.category)) return false
  return !moderationOf(p).hidden
}

/** The text the public may read: the original once published, the redacted text once edited. */
export function publicDescription(p: ReportPayload): string | null {
  const m = moderationOf(p)
  if (m.description === 'published') return p.description
  if (m.description === 'edited') return m.publicDescription ?? null
  return null
}

export function publicUpdates(c: Case, events: readonly TimelineEvent[]): PublicUpdateView[] {
  return events
    .filter((e) => e.visibility === 'public')
    .map((e) => ({ id: e.id, at: e.at, statusLabel: labelOf(REPORT.statusLabels, e.toStatus), note: e.note }))
}

/** The photos the public may see of a report. */
export function publishedPhotos(c: Case): string[] {
  const p = c.payload as unknown as ReportPayload
  const m = moderationOf(p)
  return p.photos.filter((id) => m.photos[id] === 'published')
}

/**
 * Call only after hasPublicView: this view is what a stranger may collect. `events` and `links`
 * (publishedPhotos' files): what a page of cards read for all its cards at once; else read here.
 */
export async function publicCaseView(d: Deps, c: Case, events?: readonly TimelineEvent[], links?: PageReads): Promise<PublicCaseView> {
  const p = c.payload as unknown as ReportPayload
  const published = publishedPhotos(c)
  return {
    id: c.id,
    kind: 'report',
    category: c.category,
    categoryName: categoryName(d.config, c.category),
    status: c.status,
    statusLabel: labelOf(REPORT.statusLabels, c.status),
    location: roundLocation(p.location),
    createdAt: c.createdAt,
    description: publicDescription(p),
    photos: links ? linksOf(links, published) : await photoViews(d, published),
    updates: publicUpdates(c, events ?? (await d.store.timeline(c.id))),
  }
}
