import type { AnnouncementView } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { AnnouncementHead } from '../../repos/grid'
import type { Deps } from '../../deps'
import { callerRecord } from '../shared/actor'
import { ANNOUNCEMENT_TYPE_LABELS } from './rules'

/** Announcements as the reader sees them, with their own read marks and the authors' names. */
export async function announcementViews(d: Deps, actor: Actor, rows: readonly AnnouncementHead[]): Promise<AnnouncementView[]> {
  const read = new Set(await d.store.readAnnouncements(actor.userId, rows.map((a) => a.id)))
  const names = new Map<string, string>()
  // The caller's own announcements (published, publish) name them from the record the boundary read.
  const self = callerRecord(actor)
  if (self) names.set(self.id, self.name)
  const out: AnnouncementView[] = []
  for (const a of rows) {
    if (!names.has(a.authorId)) names.set(a.authorId, (await d.store.getUser(a.authorId))?.name ?? '')
    out.push({ id: a.id, type: a.type, typeLabel: ANNOUNCEMENT_TYPE_LABELS[a.type], title: a.title, body: a.body, authorName: names.get(a.authorId) ?? '', scopeLabel: a.scopeLabel, publishedAt: a.publishedAt, read: read.has(a.id) })
  }
  return out
}
