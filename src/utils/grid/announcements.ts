/** Announcements of the grid group: labels, merging pages, read marks and excerpts. */
import type { AnnouncementType, AnnouncementView } from '../../contracts/api'

export const TYPE_LABEL: Record<AnnouncementType, string> = {
  notice: '通知',
  activity: '活动',
  reminder: '提醒',
  emergency: '紧急',
}

export function typeLabel(a: Pick<AnnouncementView, 'type' | 'typeLabel'>): string {
  return a.typeLabel || TYPE_LABEL[a.type] || '通知'
}

export interface AnnList {
  pinned: AnnouncementView[]
  items: AnnouncementView[]
}

/**
 * One row per announcement: a pinned emergency is not repeated in the list below it, and a page
 * loaded later never brings back one already shown (new ones shift the cursor).
 */
export function mergeAnnouncements(list: AnnList, page: { pinned?: AnnouncementView[]; items: AnnouncementView[] }): AnnList {
  const pinned = [...list.pinned]
  for (const a of page.pinned ?? []) if (!pinned.some((p) => p.id === a.id)) pinned.push(a)
  const seen = new Set([...pinned, ...list.items].map((a) => a.id))
  const items = list.items.filter((a) => !pinned.some((p) => p.id === a.id))
  for (const a of page.items) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    items.push(a)
  }
  return { pinned, items }
}

/** Marks one read locally, so the dot goes the moment the user taps. */
export function markAnnRead(list: AnnList, id: string, read = true): AnnList {
  const f = (a: AnnouncementView) => (a.id === id && a.read !== read ? { ...a, read } : a)
  return { pinned: list.pinned.map(f), items: list.items.map(f) }
}

/** One line of a long body, for the collapsed row. */
export function excerpt(body: string, max = 60): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  return chars.length > max ? chars.slice(0, max).join('') + '…' : flat
}
