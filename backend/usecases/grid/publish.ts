import type { ApiIn, MemberView, ReceiptView } from '../../../src/contracts/api'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Membership, OutboxMessage } from '../../ports'
import type { Deps } from '../../deps'
import { announcementViews, boardView, canManage, emptyBoard, gridOr404 } from './board'
import { EMERGENCY_WINDOW_MS, MEMBERSHIP_LABELS, QR_LIFETIME_MS, QR_WARNING_MS, qrStatus } from './rules'
import { GRID_ANNOUNCEMENT, GRID_QR_EXPIRING, GRID_REMIND } from './topics'


const NOT_YOURS = '只有本网格的网格员可以管理'

function message(d: Deps, topic: string, key: string, payload: Record<string, unknown>, dueAt?: string): OutboxMessage {
  const now = d.clock.now().toISOString()
  return { id: d.newId(), topic, key, payload, createdAt: now, attempts: 0, nextAttemptAt: dueAt ?? now, deliveredAt: null, lastError: null }
}

async function managed(d: Deps, actor: Actor, code: string) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, code)
  if ('ok' in g) return g
  if (!canManage(tree, actor, g.code)) return fail('FORBIDDEN', NOT_YOURS)
  return { tree, g }
}

export async function saveBoard(d: Deps, actor: Actor, input: ApiIn<'grid.saveBoard'>) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const now = d.clock.now().toISOString()
  const cur = (await d.store.getBoard(m.g.code)) ?? emptyBoard(m.g, now)
  await d.store.putBoard({ ...cur, scope: input.scope.trim(), households: input.households, team: input.team.map((t) => ({ role: t.role, name: t.name.trim(), phone: t.phone?.trim() || null })), services: input.services.map((x) => x.trim()).filter(Boolean), officeHours: input.officeHours.trim(), joinPolicy: input.joinPolicy, updatedAt: now })
  return { ok: true as const, board: await boardView(d, m.tree, actor, m.g) }
}

/** A new group QR: valid 7 days; the outbox holds a reminder due a day before it expires. */
export async function setQr(d: Deps, actor: Actor, input: { code: string; fileId: string }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const meta = await d.store.getFileMeta(input.fileId)
  if (!meta || meta.ownerId !== actor.userId) return fail('VALIDATION', '二维码图片无效，请重新上传', { fileId: '无效' })
  const now = d.clock.now()
  const expiresAt = new Date(now.getTime() + QR_LIFETIME_MS).toISOString()
  const cur = (await d.store.getBoard(m.g.code)) ?? emptyBoard(m.g, now.toISOString())
  await d.store.putBoard({ ...cur, qr: { fileId: meta.id, uploadedAt: now.toISOString(), expiresAt }, updatedAt: now.toISOString() })
  await d.store.transaction(async (tx) =>
    tx.enqueue(message(d, GRID_QR_EXPIRING, `qr:${m.g.code}`, { gridCode: m.g.code, expiresAt }, new Date(now.getTime() + QR_LIFETIME_MS - QR_WARNING_MS).toISOString())),
  )
  return { ok: true as const, board: await boardView(d, m.tree, actor, m.g) }
}

async function memberView(d: Deps, m: Membership): Promise<MemberView> {
  const u = await d.store.getUser(m.userId)
  return { userId: m.userId, name: u?.name ?? '', building: m.building, status: m.status, statusLabel: MEMBERSHIP_LABELS[m.status], requestedAt: m.requestedAt }
}

/** The roster is for the grid's own workers only: names and building, never phones. */
export async function members(d: Deps, actor: Actor, input: { code: string; status?: Membership['status'] }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const rows = await d.store.listMemberships(m.g.code, input.status ?? 'joined')
  const out: MemberView[] = []
  for (const r of rows) out.push(await memberView(d, r))
  return { ok: true as const, members: out }
}

export async function decide(d: Deps, actor: Actor, input: { code: string; userId: string; approve: boolean }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const cur = await d.store.getMembership(m.g.code, input.userId)
  if (!cur || cur.status !== 'requested') return fail('ILLEGAL_TRANSITION', '该申请已处理或不存在')
  const next: Membership = { ...cur, status: input.approve ? 'joined' : 'refused', decidedAt: d.clock.now().toISOString(), decidedBy: actor.userId }
  await d.store.putMembership(next)
  return { ok: true as const, member: await memberView(d, next) }
}

/** Grids an announcement reaches, within what the author may publish to. */
function targetGrids(tree: OrgTree, actor: Actor, t: ApiIn<'grid.publish'>['target']): { codes: string[]; label: string } | null {
  let codes: string[]
  let label: string
  if (t.kind === 'grids') {
    codes = [...new Set(t.codes)]
    label = codes.length === 1 ? (tree.get(codes[0]!)?.name ?? codes[0]!) : `${codes.length} 个网格`
  } else {
    const unit = tree.get(t.code)
    if (!unit || unit.level !== t.kind) return null
    codes = tree.grids().filter((g) => tree.isWithin(g.code, unit.code)).map((g) => g.code)
    label = unit.name
  }
  if (codes.length === 0 || codes.some((c) => tree.get(c)?.level !== 'grid' || !canManage(tree, actor, c))) return null
  return { codes, label }
}

/** One announcement row whatever its reach; emergencies are pushed from the outbox. */
export async function publish(d: Deps, actor: Actor, input: ApiIn<'grid.publish'>) {
  const tree = await d.orgTree()
  const target = targetGrids(tree, actor, input.target)
  if (!target) return fail('FORBIDDEN', '只能向本人负责的网格发布公告')
  const stored = await d.store.addAnnouncement({
    id: d.newId(),
    authorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    type: input.type,
    title: input.title.trim(),
    body: input.body.trim(),
    gridCodes: target.codes,
    scopeLabel: target.label,
    publishedAt: d.clock.now().toISOString(),
  })
  if (stored.type === 'emergency') {
    await d.store.transaction(async (tx) => tx.enqueue(message(d, GRID_ANNOUNCEMENT, `ann:${stored.id}`, { announcementId: stored.id })))
  }
  const [view] = await announcementViews(d, actor, [stored])
  return { ok: true as const, announcement: view!, grids: stored.gridCodes.length }
}

export async function published(d: Deps, actor: Actor, input: { before?: string }) {
  const rows = await d.store.listAnnouncementsBy(actor.userId, { before: input.before, limit: 30 })
  return { ok: true as const, items: await announcementViews(d, actor, rows) }
}

async function ownAnnouncement(d: Deps, actor: Actor, id: string) {
  const a = await d.store.getAnnouncement(id)
  if (!a) return fail('NOT_FOUND', '公告不存在')
  const tree = await d.orgTree()
  if (!a.gridCodes.every((c) => canManage(tree, actor, c))) return fail('NOT_FOUND', '公告不存在')
  return a
}

/** Reach by query: the roster of the target grids against the read marks. */
export async function receipts(d: Deps, actor: Actor, input: { id: string }) {
  const a = await ownAnnouncement(d, actor, input.id)
  if ('ok' in a) return a
  const reads = await d.store.announcementReads(a.id)
  const readAt = new Map(reads.map((r) => [r.userId, r.readAt]))
  const roster: Membership[] = []
  for (const g of a.gridCodes) roster.push(...(await d.store.listMemberships(g, 'joined', 100_000)))
  const names = async (userId: string) => (await d.store.getUser(userId))?.name ?? ''
  const unread: ReceiptView['unread'] = []
  const readers: ReceiptView['readers'] = []
  for (const m of roster) {
    const at = readAt.get(m.userId)
    if (at) readers.push({ userId: m.userId, name: await names(m.userId), readAt: at })
    else if (unread.length < 500) unread.push({ userId: m.userId, name: await names(m.userId), building: m.building })
  }
  const rosterSize = await d.store.countMemberships(a.gridCodes, 'joined')
  const within = readers.filter((r) => Date.parse(r.readAt) - Date.parse(a.publishedAt) <= EMERGENCY_WINDOW_MS).length
  return {
    ok: true as const,
    receipts: {
      announcementId: a.id,
      roster: rosterSize,
      read: readers.length,
      readWithin15m: a.type === 'emergency' ? (rosterSize ? Math.round((within / rosterSize) * 1000) / 1000 : 0) : null,
      unread,
      readers: readers.sort((x, y) => x.readAt.localeCompare(y.readAt)),
    },
  }
}

export async function remindUnread(d: Deps, actor: Actor, input: { id: string }) {
  const r = await receipts(d, actor, input)
  if (!r.ok) return r
  const unread = r.receipts.roster - r.receipts.read
  await d.store.transaction(async (tx) => tx.enqueue(message(d, GRID_REMIND, `ann:${input.id}`, { announcementId: input.id })))
  return { ok: true as const, reminded: unread }
}

export async function overview(d: Deps, actor: Actor, input: { street?: string }) {
  const tree = await d.orgTree()
  const units = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').map((g) => g.unitCode)
  if (units.length === 0) return fail('FORBIDDEN', '仅街道综治中心可查看')
  const now = d.clock.now()
  const grids = tree.grids().filter((g) => units.some((u) => tree.isWithin(g.code, u)) && (!input.street || tree.isWithin(g.code, input.street)))
  const out = []
  for (const g of grids) {
    const b = await d.store.getBoard(g.code)
    out.push({
      code: g.code,
      name: g.name,
      members: await d.store.countMemberships([g.code], 'joined'),
      pending: await d.store.countMemberships([g.code], 'requested'),
      qrStatus: qrStatus(b, now),
      qrExpiresAt: b?.qr?.expiresAt ?? null,
    })
  }
  return { ok: true as const, grids: out }
}
