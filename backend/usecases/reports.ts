import type { ApiIn, CategoryView, GridShape, GridView } from '../../src/contracts/api'
import { distanceMetres, gridAt, type GeoPoint } from '../../src/core/geo'
import { openReport } from '../../src/core/kinds/report'
import type { OrgTree, OrgUnit } from '../../src/core/org'
import { fail } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import { canRead } from '../../src/core/scope'
import { leafCategory } from '../config/district'
import type { Deps } from '../runtime'
import { caseView, summaryOf, timelineViews } from './views'

export const MAX_PHOTOS = 9

export function categories(d: Deps): { ok: true; categories: CategoryView[] } {
  return {
    ok: true,
    categories: d.config.categories.map((c) => ({ code: c.code, name: c.name, parentCode: c.parent })),
  }
}

function gridView(tree: OrgTree, g: OrgUnit): GridView {
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
  const centre = (g: OrgUnit): GeoPoint => {
    const ring = g.polygon!.coordinates[0]!
    const sum = ring.reduce((a, [lng, lat]) => ({ lng: a.lng + lng!, lat: a.lat + lat! }), { lng: 0, lat: 0 })
    return { lng: sum.lng / ring.length, lat: sum.lat / ring.length }
  }
  const origin = p.lng !== undefined && p.lat !== undefined ? { lng: p.lng, lat: p.lat } : undefined
  const chosen = origin
    ? grids.sort((a, b) => distanceMetres(origin, centre(a)) - distanceMetres(origin, centre(b))).slice(0, 200)
    : grids.slice(0, 200)
  const shapes: GridShape[] = chosen.map((g) => ({ ...gridView(tree, g), polygon: g.polygon!.coordinates }))
  return { ok: true as const, grids: shapes }
}

export async function submit(d: Deps, actor: Actor, input: ApiIn<'reports.submit'>) {
  const tree = await d.orgTree()
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
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
    payload: {
      description: input.description.trim(),
      photos: [...new Set(input.photos)],
      location: input.location,
      anonymous: input.anonymous,
      ...(category.handler === 'department' && category.department ? { department: category.department } : {}),
    },
  })
  const winner = await d.store.transaction(async (tx) => {
    const held = await tx.claimIdempotency(actor.userId, input.idempotencyKey, c.id)
    if (held) return held
    await tx.insertCase(c)
    await tx.appendEvent(event)
    return c.id
  })
  const stored = winner === c.id ? c : await d.store.getCase(winner)
  if (!stored) return fail('UNAVAILABLE', '系统繁忙，请稍后重试')
  return { ok: true as const, case: await caseView(d, tree, stored), replayed: winner !== c.id }
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
  if (!c || c.kind !== 'report' || !canRead(tree, actor, c)) return fail('NOT_FOUND', '事项不存在或无权查看')
  const events = await d.store.timeline(c.id)
  return { ok: true as const, case: await caseView(d, tree, c), timeline: await timelineViews(d, actor, c, events) }
}
