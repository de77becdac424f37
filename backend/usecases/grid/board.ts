import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { announcementViews } from './announcementView'
import { boardView } from './boardView'
import { gridOr404 } from './gridAccess'

/** A grid's board with its five latest announcements. */
export async function board(d: Deps, actor: Actor, input: { code: string }) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  const recent = await d.store.listAnnouncements([g.code], { limit: 5 })
  return { ok: true as const, board: await boardView(d, tree, actor, g), announcements: await announcementViews(d, actor, recent) }
}
