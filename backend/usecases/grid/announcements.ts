import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { announcementViews } from './announcementView'
import { myGrids } from './myGrids'

/** My grids' announcements, newest first; unread emergencies are pinned above them. */
export async function announcements(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const grids = await myGrids(d, actor)
  if (grids.length === 0) return { ok: true as const, pinned: [], items: [], next: null }
  const limit = input.limit ?? 20
  const rows = await d.store.listAnnouncements(grids, { before: input.before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const emergencies = input.before ? [] : await d.store.listAnnouncements(grids, { type: 'emergency', limit: 20 })
  // The newest emergencies are usually on the page too: their read marks and authors are read once.
  const shown = new Map([...emergencies, ...page].map((a) => [a.id, a]))
  const views = new Map((await announcementViews(d, actor, [...shown.values()])).map((v) => [v.id, v]))
  const pinned = emergencies.map((a) => views.get(a.id)!).filter((v) => !v.read)
  return { ok: true as const, pinned, items: page.map((a) => views.get(a.id)!), next: rows.length > limit ? page[page.length - 1]!.id : null }
}
