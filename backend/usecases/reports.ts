import type { ApiIn, CategoryView, GridShape, GridView } from '../../src/contracts/api'
import { centroid, distanceMetres, gridAt, type GeoPoint } from '../../src/core/geo'
import { openReport } from '../../src/core/kinds/report'
import type { OrgTree, OrgUnit } from '../../src/core/org'
import { fail } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import { canRead } from '../../src/core/scope'
import { leafCategory } from '../config/district'
import type { Deps } from '../deps'
import { caseView, summaryOf, timelineViews } from './views'
import { createOnce, keyUsedElsewhere } from './persist'
import { REPORT } from '../../src/core/kinds/report'

export const MAX_PHOTOS = 9

export function categories(d: Deps): { ok: true; categories: CategoryView[] } {
  return {
    ok: true,
    categories: d.config.categories.map((c) => ({ code: c.code, name: c.name, parentCode: c.parent })),
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
  for (const id of input.photos) {
    const meta = await d.store.getFileMeta(id)
    if (!meta || meta.ownerId !== actor.userId) return fail('VALIDATION', '照片无效，请重新上传', { photos: id })
  }
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

/** Someone else's case answers NOT_FOUND, so ids cannot be probed for existence. */
export async function get(d: Deps, actor: Actor, input: ApiIn<'reports.get'>) {
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  const allowed = c && c.kind === 'report' && (canRead(tree, actor, c) || (await d.store.followers(c.id)).includes(actor.userId))
  if (!c || !allowed) return fail('NOT_FOUND', '事项不存在或无权查看')
  const events = await d.store.timeline(c.id)
  return { ok: true as const, case: await caseView(d, tree, c), timeline: await timelineViews(d, actor, c, events) }
}

export const DUPLICATE_RADIUS_M = 100
export const DUPLICATE_DAYS = 7

/**
 * Open cases of the same category within 100 m in the last 7 days. Candidates come from the
 * grids around the point (a case near a boundary may sit in the next grid), then by distance.
 */
export async function duplicates(d: Deps, actor: Actor, input: ApiIn<'reports.duplicates'>) {
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
  const near = rows.filter((c) => {
    const loc = (c.payload as { location?: { lng: number; lat: number } }).location
    return loc && distanceMetres(loc, input) <= DUPLICATE_RADIUS_M && c.creatorId !== actor.userId
  })
  return { ok: true as const, cases: near.slice(0, 10).map((c) => summaryOf(d, tree, c)) }
}

/** Following gives a neighbour the case's notifications and read access through the follow. */
export async function follow(d: Deps, actor: Actor, input: ApiIn<'reports.follow'>) {
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'report' || REPORT.terminalStatuses.includes(c.status)) return fail('NOT_FOUND', '事项不存在或已结束')
  await d.store.follow(c.id, actor.userId, d.clock.now().toISOString())
  return { ok: true as const, following: true }
}
