import type { Actor } from '../../../src/core/roles'
import { fail } from '../../../src/core/outcome'
import type { Deps } from '../../deps'
import { announcementViews } from './board'

async function myGrids(d: Deps, actor: Actor): Promise<string[]> {
  return (await d.store.membershipsOf(actor.userId)).filter((m) => m.status === 'joined').map((m) => m.gridCode)
}

/** My grids' announcements, newest first; unread emergencies are pinned above them. */
export async function announcements(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const grids = await myGrids(d, actor)
  if (grids.length === 0) return { ok: true as const, pinned: [], items: [], next: null }
  const limit = input.limit ?? 20
  const rows = await d.store.listAnnouncements(grids, { before: input.before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const emergencies = input.before ? [] : await d.store.listAnnouncements(grids, { type: 'emergency', limit: 20 })
  const pinned = (await announcementViews(d, actor, emergencies)).filter((a) => !a.read)
  return { ok: true as const, pinned, items: await announcementViews(d, actor, page), next: rows.length > limit ? page[page.length - 1]!.id : null }
}

export async function markRead(d: Deps, actor: Actor, input: { id: string }) {
  const a = await d.store.getAnnouncement(input.id)
  const grids = await myGrids(d, actor)
  if (!a || !a.gridCodes.some((g) => grids.includes(g))) return fail('NOT_FOUND', '公告不存在')
  await d.store.markAnnouncementRead(a.id, actor.userId, d.clock.now().toISOString())
  return { ok: true as const, read: true as const }
}
