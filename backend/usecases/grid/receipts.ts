import type { ReceiptView } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Announcement } from '../../ports'
import type { Deps } from '../../deps'
import { canManage } from './gridAccess'
import { EMERGENCY_WINDOW_MS } from './rules'

/** People listed per tab: a street's roster is 50,000; the counts cover the rest. */
export const RECEIPT_LIST_LIMIT = 200

/** An announcement whose every grid the caller manages; any other is "not found". */
export async function ownAnnouncement(d: Deps, actor: Actor, id: string) {
  const a = await d.store.getAnnouncement(id)
  if (!a) return fail('NOT_FOUND', '公告不存在')
  const tree = await d.orgTree()
  if (!a.gridCodes.every((c) => canManage(tree, actor, c))) return fail('NOT_FOUND', '公告不存在')
  return a
}

/** The names on the page in one read. */
async function namesOf(d: Deps, userIds: readonly string[]): Promise<Map<string, string>> {
  return new Map((await d.store.getUsers(userIds)).map((u) => [u.id, u.name]))
}

/** The roster's size and its read marks (all, and within the emergency window): counts only. */
export async function reach(d: Deps, a: Announcement) {
  const windowEnd = new Date(Date.parse(a.publishedAt) + EMERGENCY_WINDOW_MS).toISOString()
  const rosterSize = await d.store.countMemberships(a.gridCodes, 'joined')
  const counts = await d.store.countAnnouncementReads(a, windowEnd)
  return { rosterSize, counts, unreadCount: Math.max(0, rosterSize - counts.read) }
}

/**
 * Reach by counts (the roster's size, the read marks of people still in it) and the first
 * people of each tab: the unread in roster order, the readers in the order they read.
 */
export async function receipts(d: Deps, actor: Actor, input: { id: string }) {
  const a = await ownAnnouncement(d, actor, input.id)
  if ('ok' in a) return a
  const { rosterSize, counts, unreadCount } = await reach(d, a)
  const unreadRows = await d.store.unreadMembers(a, { limit: RECEIPT_LIST_LIMIT })
  const readRows = await d.store.announcementReaders(a, { limit: RECEIPT_LIST_LIMIT })
  const names = await namesOf(d, [...unreadRows.map((m) => m.userId), ...readRows.map((r) => r.userId)])
  const unread: ReceiptView['unread'] = unreadRows.map((m) => ({ userId: m.userId, name: names.get(m.userId) ?? '', building: m.building }))
  const readers: ReceiptView['readers'] = readRows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '', readAt: r.readAt }))
  return {
    ok: true as const,
    receipts: {
      announcementId: a.id,
      roster: rosterSize,
      read: counts.read,
      unreadCount,
      readWithin15m: a.type === 'emergency' ? (rosterSize ? Math.round((counts.readBy / rosterSize) * 1000) / 1000 : 0) : null,
      unread,
      readers,
    },
  }
}
