import type { ApiIn, CategoryView, GridShape, GridView } from '../../src/contracts/api'
import { centroid, distanceMetres, gridAt, type GeoPoint } from '../../src/core/geo'
import { openReport } from '../../src/core/kinds/report'
import type { OrgTree, OrgUnit } from '../../src/core/org'
import { fail } from '../../src/core/outcome'
import { ROLES, type Actor } from '../../src/core/roles'
import { actingRole, canRead } from '../../src/core/scope'
import { isSensitiveCategory, leafCategory } from '../config/district'
import type { Deps } from '../deps'
import { notOwnUpload } from './files/ownUploads'
import { caseView, summaryOf, timelineViews } from './views'
import { createOnce, keyUsedElsewhere } from './persist'
import { REPORT } from '../../src/core/kinds/report'
import { hasPublicView, publicCaseView, roundLocation } from './publicView'
import { auditCaseRead } from './readAudit'
import { countProbe } from './rateLimit'

export const MAX_PHOTOS = 9

export function categories(d: Deps): { ok: true; categories: CategoryView[] } {
  return {
    ok: true,
    categories: d.config.categories.map((c) => ({ code: c.code, name: c.name, parentCode: c.parent, sensitive: isSensitiveCategory(d.config, c.code) })),
  }
}

/** A grid as the app shows it: name, and the district/street/community it sits in. */
export function gridView(tree: OrgTree, g: OrgUnit): GridView {
  const path = tree
    .chain(g.code)
    .slice(1)
    .reverse()
    .filter((u) => u.level !== 'city')
    .map((u) => u.name)
    .join(' ')
  return { code: g.code, name: g.name, path, phone: g.phone ?? null }
}

const OUT_OF_AREA = '该位置不在本区网格范围内，请重新选点'

export async function locate(d: Deps, p: GeoPoint) {
  const tree = await d.orgTree()
  const g = gridAt(tree, p)
  return g ? { ok: true as const, grid: gridView(tree, g) } : fail('OUT_OF_AREA', OUT_OF_AREA)
}

/** Grids for the point picker: the 200 nearest a point, or all when none is given. */
export async function gridMap(d: Deps, p: Partial<GeoPoint>) {
  const tree = await d.orgTree()
  const grids = tree.grids().filter((g) => g.polygon)
  const centre = (g: OrgUnit): GeoPoint => centroid(g.polygon!)
  const origin = p.lng !== undefined && p.lat !== undefined ? { lng: p.lng, lat: p.lat } : undefined
  const chosen = origin
    ? grids.sort((a, b) => distanceMetres(origin, centre(a)) - distanceMetres(origin, centre(b))).slice(0, 200)
    : grids.slice(0, 200)
  const shapes: GridShape[] = chosen.map((g) => ({ ...gridView(tree, g), polygon: g.polygon!.coordinates }))
  return { ok: true as const, grids: shapes }
}

export async function submit(
  d: Deps,
  actor: Actor,
  input: ApiIn<'reports.submit'>,
  proxy?: ApiIn<'cases.proxySubmit'>['proxy'],
  filedBy?: 'building_manager',
) {
  const tree = await d.orgTree()
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'report') return keyUsedElsewhere()
  if (replay) return { ok: true as const, case: await caseView(d, tree, replay), replayed: true }

  const category = leafCategory(d.config, input.category)
  if (!category) return fail('VALIDATION', '请选择具体的问题分类', { category: '分类不存在' })
  const bad = await notOwnUpload(d, actor, input.photos)
  if (bad !== null) return fail('VALIDATION', '照片无效，请重新上传', { photos: bad })
  const grid = gridAt(tree, input.location)
  if (!grid) return fail('OUT_OF_AREA', OUT_OF_AREA, { location: '不在网格范围内' })

  const { case: c, event } = openReport({
    id: d.newId(),
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    category: category.code,
    gridCode: grid.code,
    now: d.clock.now(),
    acceptHours: d.config.acceptHours,
    creatorRole: proxy ? 'grid_worker' : (filedBy ?? 'resident'),
    payload: {
      description: input.description.trim(),
      photos: [...new Set(input.photos)],
      location: input.location,
      anonymous: input.anonymous,
      ...(proxy ? { proxy: { name: proxy.name.trim(), phone: proxy.phone.trim() } } : {}),
      ...(category.handler === 'department' && category.department ? { department: category.department } : {}),
    },
  })
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: proxy ? 'cases.proxySubmit' : 'reports.submit' })
  if ('ok' in made) return made
  return { ok: true as const, case: await caseView(d, tree, made.case), replayed: made.replayed }
}

export async function mine(d: Deps, actor: Actor, input: ApiIn<'reports.mine'>) {
  const tree = await d.orgTree()
  const limit = input.limit ?? 20
  const rows = await d.store.listCases({ kind: 'report', creatorId: actor.userId, order: 'newest', limit: limit + 1, before: input.before })
  const page = rows.slice(0, limit)
  return {
    ok: true as const,
    cases: page.map((c) => summaryOf(d, tree, c)),
    next: rows.length > limit ? page[page.length - 1]!.id : null,
  }
}

const NOT_FOUND = '事项不存在或无权查看'
const STAFF_READERS = ROLES.filter((r) => r !== 'resident' && r !== 'tenant')

/**
 * The reporter gets their own case in full (notes only when public or their own); staff in scope
 * the internal view; a follower the public view, while there is one. Anyone else, and a follower
 * of a sensitive, 找网格员 or hidden report, gets NOT_FOUND, so ids cannot be probed for existence.
 */
export async function get(d: Deps, actor: Actor, input: ApiIn<'reports.get'>) {
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'report') return fail('NOT_FOUND', NOT_FOUND)
  if (canRead(tree, actor, c)) {
    await auditCaseRead(d, tree, actor, c, 'reports.get')
    const events = await d.store.timeline(c.id)
    // Read as staff only through a staff grant covering the case; through the resident's own, as the reporter.
    const asStaff = actingRole(tree, actor, c, STAFF_READERS) !== undefined
    const audience = asStaff ? 'full' : 'reporter'
    return { ok: true as const, view: 'full' as const, case: await caseView(d, tree, c), timeline: await timelineViews(d, actor, c, events, audience) }
  }
  if (hasPublicView(d, c) && (await d.store.followers(c.id)).includes(actor.userId)) {
    return { ok: true as const, view: 'public' as const, case: await publicCaseView(d, c) }
  }
  return fail('NOT_FOUND', NOT_FOUND)
}

export const DUPLICATE_RADIUS_M = 100
export const DUPLICATE_DAYS = 7
export const DUPLICATE_CARDS = 5

/**
 * Public cards of open cases of the same category within 100 m in the last 7 days, nearest
 * first, at most five. Candidates come from the grids around the point (a case near a boundary
 * may sit in the next grid), then by distance. Each call counts against the caller's WeChat
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
  const cases = []
  for (const c of near) cases.push(await publicCaseView(d, c))
  return { ok: true as const, cases }
}

/**
 * Following gives a neighbour the case's status notices and its public view, nothing more: staff
 * out of scope who follow still get only the public view, and cases.get still refuses them.
 */
export async function follow(d: Deps, actor: Actor, input: ApiIn<'reports.follow'>) {
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'report' || REPORT.terminalStatuses.includes(c.status) || !hasPublicView(d, c)) return fail('NOT_FOUND', '事项不存在或已结束')
  await d.store.follow(c.id, actor.userId, d.clock.now().toISOString())
  return { ok: true as const, following: true, case: await publicCaseView(d, c) }
}
