import type { ApiIn } from '../../../src/contracts/api'
import { distanceMetres, gridAt, type GeoPoint } from '../../../src/core/geo'
import { REPORT } from '../../../src/core/kinds/report'
import type { Actor } from '../../../src/core/roles'
import { isSensitiveCategory } from '../../config/district'
import type { Deps } from '../../deps'
import { pageReads } from '../shared/pageReads'
import { countProbe } from '../shared/rateLimit'
import { hasPublicView, publicCaseView, publishedPhotos, roundLocation } from './publicView'

export const DUPLICATE_RADIUS_M = 100
export const DUPLICATE_DAYS = 7
export const DUPLICATE_CARDS = 5

/**
 * `reports.duplicates`: public cards of open cases of the same category within 100 m in the last 7
 * days, nearest first, at most five. Candidates come from the grids around the point (a case near a
 * boundary may sit in the next grid), then by distance. Each call counts against the caller's WeChat
 * identity, so a scan of the street runs into the limit long before it sees much.
 */
export async function duplicates(d: Deps, actor: Actor, input: ApiIn<'reports.duplicates'>) {
  const limited = await countProbe(d, actor, 'reports.duplicates')
  if (limited) return limited
  if (isSensitiveCategory(d.config, input.category)) return { ok: true as const, cases: [] }
  const tree = await d.orgTree()
  const dLat = DUPLICATE_RADIUS_M / 111_320
  const dLng = dLat / Math.cos((input.lat * Math.PI) / 180)
  const probes = [[0, 0], [1, 1], [1, -1], [-1, 1], [-1, -1], [0, 1], [0, -1], [1, 0], [-1, 0]]
  const grids = new Set<string>()
  for (const [a, b] of probes) {
    const g = gridAt(tree, { lng: input.lng + a! * dLng, lat: input.lat + b! * dLat })
    if (g) grids.add(g.code)
  }
  if (grids.size === 0) return { ok: true as const, cases: [] }
  const open = REPORT.rules.find((r) => r.action === 'mark_overdue')!.from
  const since = new Date(d.clock.now().getTime() - DUPLICATE_DAYS * 24 * 3600 * 1000).toISOString()
  const rows = await d.store.listCases({ kind: 'report', category: input.category, gridCodes: [...grids], statuses: open, createdAfter: since, order: 'newest', limit: 200 })
  // Measured from the rounded point the card shows: probing the 100 m edge from many sides then
  // finds that point again, never the exact one.
  const distance = (c: { payload: unknown }) => {
    const loc = (c.payload as { location?: GeoPoint }).location
    return loc ? distanceMetres(roundLocation(loc), input) : Infinity
  }
  const near = rows
    .filter((c) => distance(c) <= DUPLICATE_RADIUS_M && c.creatorId !== actor.userId && hasPublicView(d, c))
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, DUPLICATE_CARDS)
  // Every card's timeline and photos in one read each, not one per card.
  const timelines = await d.store.timelines(near.map((c) => c.id))
  const links = await pageReads(d, [], near.flatMap(publishedPhotos))
  const cases = []
  for (const c of near) cases.push(await publicCaseView(d, c, timelines.get(c.id) ?? [], links))
  return { ok: true as const, cases }
}
