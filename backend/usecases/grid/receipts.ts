import type { ReceiptView } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Membership } from '../../ports'
import type { Deps } from '../../deps'
import { canManage } from './gridAccess'
import { EMERGENCY_WINDOW_MS } from './rules'

/** An announcement whose every grid the caller manages; any other is "not found". */
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
