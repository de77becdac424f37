import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { myGrids } from './myGrids'

export async function markRead(d: Deps, actor: Actor, input: { id: string }) {
  const a = await d.store.getAnnouncement(input.id)
  const grids = await myGrids(d, actor)
  if (!a || !a.gridCodes.some((g) => grids.includes(g))) return fail('NOT_FOUND', '公告不存在')
  await d.store.markAnnouncementRead(a.id, actor.userId, d.clock.now().toISOString())
  return { ok: true as const, read: true as const }
}
