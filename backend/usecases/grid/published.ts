import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { announcementViews } from './announcementView'

/** What the caller has published, newest first. */
export async function published(d: Deps, actor: Actor, input: { before?: string }) {
  const rows = await d.store.listAnnouncementsBy(actor.userId, { before: input.before, limit: 30 })
  return { ok: true as const, items: await announcementViews(d, actor, rows) }
}
