import type { InboxItemView } from '../../contracts/api'

/** Appends a page, dropping items already shown (a new message may shift the cursor). */
export function appendPage(list: InboxItemView[], page: InboxItemView[]): InboxItemView[] {
  const seen = new Set(list.map((x) => x.id))
  return [...list, ...page.filter((x) => !seen.has(x.id))]
}

/** Marks ids read locally, so the dot goes the moment the user taps, before the server answers. */
export function markLocal(list: InboxItemView[], ids: string[] | 'all'): InboxItemView[] {
  return list.map((x) => (ids === 'all' || ids.includes(x.id) ? (x.read ? x : { ...x, read: true }) : x))
}
