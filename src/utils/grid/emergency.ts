/**
 * The home page's emergency bar needs only this; kept apart from the other grid helpers so the main package does
 * not pull in dayjs and the geometry helpers for it.
 */
import type { AnnouncementView } from '../../contracts/api'

export const NEWS_URL = '/pages/grid/news/index'

/** The banner's pick: the first pinned emergency still unread. */
export function firstEmergency(pinned: readonly AnnouncementView[] | null | undefined): AnnouncementView | null {
  return (pinned ?? []).find((a) => a?.type === 'emergency' && !a.read) ?? null
}
