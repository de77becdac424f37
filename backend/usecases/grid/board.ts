import type { AnnouncementView, ApiIn, BoardView } from '../../../src/contracts/api'
import { centroid, gridAt } from '../../../src/core/geo'
import { gridView } from '../shared/gridView'
import type { OrgTree, OrgUnit } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Announcement, GridBoard } from '../../ports'
import type { Deps } from '../../deps'
import { createOnce } from '../shared/persist'
import { openReport } from '../../../src/core/kinds/report'
import { ANNOUNCEMENT_TYPE_LABELS, MEMBERSHIP_LABELS, qrStatus, statusOnRequest, TEAM_ROLE_LABELS } from './rules'

/** The grid's own workers (and the street and district above it) manage the board. */
export function canManage(tree: OrgTree, actor: Actor, gridCode: string): boolean {
  return actor.grants.some((g) => (g.role === 'grid_worker' || g.role === 'dispatcher' || g.role === 'admin') && tree.isWithin(gridCode, g.unitCode))
}

export function emptyBoard(g: OrgUnit, now: string): GridBoard {
  return { gridCode: g.code, scope: '', households: 0, team: [], services: [], officeHours: '', joinPolicy: 'approval', qr: null, updatedAt: now }
}

export function gridOr404(tree: OrgTree, code: string): OrgUnit | Failure {
  const g = tree.get(code)
  return g && g.level === 'grid' ? g : fail('NOT_FOUND', '网格不存在')
}

export async function announcementViews(d: Deps, actor: Actor, rows: Announcement[]): Promise<AnnouncementView[]> {
  const read = new Set(await d.store.readAnnouncements(actor.userId, rows.map((a) => a.id)))
  const names = new Map<string, string>()
  const out: AnnouncementView[] = []
  for (const a of rows) {
    if (!names.has(a.authorId)) names.set(a.authorId, (await d.store.getUser(a.authorId))?.name ?? '')
    out.push({ id: a.id, type: a.type, typeLabel: ANNOUNCEMENT_TYPE_LABELS[a.type], title: a.title, body: a.body, authorName: names.get(a.authorId) ?? '', scopeLabel: a.scopeLabel, publishedAt: a.publishedAt, read: read.has(a.id) })
  }
  return out
}

export async function boardView(d: Deps, tree: OrgTree, actor: Actor, g: OrgUnit): Promise<BoardView> {
  const now = d.clock.now()
  const b = (await d.store.getBoard(g.code)) ?? emptyBoard(g, now.toISOString())
  const m = await d.store.getMembership(g.code, actor.userId)
  const manage = canManage(tree, actor, g.code)
  const status = qrStatus(b, now)
  const showQr = (manage || m?.status === 'joined') && b.qr && status !== 'expired'
  const qrMeta = showQr ? await d.store.getFileMeta(b.qr!.fileId) : null
  return {
    grid: gridView(tree, g),
    scope: b.scope,
    households: b.households,
    team: b.team.map((t) => ({ role: t.role as BoardView['team'][number]['role'], roleLabel: TEAM_ROLE_LABELS[t.role] ?? t.role, name: t.name, phone: t.phone })),
    services: b.services,
    officeHours: b.officeHours,
    joinPolicy: b.joinPolicy,
    qr: qrMeta ? { url: await d.fileUrl(qrMeta), expiresAt: b.qr!.expiresAt } : null,
    qrStatus: status,
    membership: m ? { status: m.status, statusLabel: MEMBERSHIP_LABELS[m.status], building: m.building } : null,
    members: await d.store.countMemberships([g.code], 'joined'),
    canManage: manage,
    polygon: g.polygon?.coordinates ?? [],
  }
}

export async function find(d: Deps, _actor: Actor, input: ApiIn<'grid.find'>) {
  const tree = await d.orgTree()
  if (input.lng !== undefined && input.lat !== undefined) {
    const g = gridAt(tree, { lng: input.lng, lat: input.lat })
    if (!g) return fail('OUT_OF_AREA', '您的位置不在本区网格范围内，可按地址或小区名称搜索')
    const view = gridView(tree, g)
    return { ok: true as const, grids: [view], why: `您当前的位置在「${g.name}」的边界内（${view.path}）` }
  }
  const q = (input.q ?? '').trim()
  if (!q) return fail('VALIDATION', '请输入地址、小区或网格名称', { q: '必填' })
  const hits = tree.grids().filter((g) => tree.chain(g.code).some((u) => u.name.includes(q)) || g.code === q)
  return { ok: true as const, grids: hits.slice(0, 50).map((g) => gridView(tree, g)), why: hits.length ? null : '没有找到匹配的网格' }
}

export async function board(d: Deps, actor: Actor, input: { code: string }) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  const recent = await d.store.listAnnouncements([g.code], { limit: 5 })
  return { ok: true as const, board: await boardView(d, tree, actor, g), announcements: await announcementViews(d, actor, recent) }
}

export async function join(d: Deps, actor: Actor, input: { code: string; building?: string }) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  const now = d.clock.now().toISOString()
  const b = (await d.store.getBoard(g.code)) ?? emptyBoard(g, now)
  const cur = await d.store.getMembership(g.code, actor.userId)
  if (cur?.status === 'joined' || cur?.status === 'requested') return { ok: true as const, board: await boardView(d, tree, actor, g) }
  const status = statusOnRequest(b.joinPolicy)
  await d.store.putMembership({ gridCode: g.code, userId: actor.userId, status, building: input.building?.trim() || null, requestedAt: now, decidedAt: status === 'joined' ? now : null, decidedBy: null })
  return { ok: true as const, board: await boardView(d, tree, actor, g) }
}

export async function leave(d: Deps, actor: Actor, input: { code: string }) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  const cur = await d.store.getMembership(g.code, actor.userId)
  if (!cur || cur.status === 'left' || cur.status === 'refused') return fail('ILLEGAL_TRANSITION', '您不在该网格群中')
  await d.store.putMembership({ ...cur, status: 'left', decidedAt: d.clock.now().toISOString(), decidedBy: actor.userId })
  return { ok: true as const, board: await boardView(d, tree, actor, g) }
}

/** The configured category questions to the grid worker are filed under (咨询求助 / 找网格员). */
export const CONSULT_CATEGORY = 'ZX01'

/** 找网格员: the question becomes a report case (咨询求助) in the grid worker's queue, answered there. */
export async function ask(d: Deps, actor: Actor, input: ApiIn<'grid.ask'>) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  if (!d.config.categories.some((x) => x.code === CONSULT_CATEGORY)) return fail('VALIDATION', '本区尚未开通「找网格员」')
  const centre = g.polygon ? centroid(g.polygon) : { lng: 0, lat: 0 }
  const { case: c, event } = openReport({
    id: d.newId(),
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    category: CONSULT_CATEGORY,
    gridCode: g.code,
    now: d.clock.now(),
    acceptHours: d.config.acceptHours,
    payload: { description: input.question.trim(), photos: [], location: { ...centre, address: g.name }, anonymous: false, consult: true },
  })
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: 'grid.ask' })
  if ('ok' in made) return made
  return { ok: true as const, caseId: made.case.id }
}

