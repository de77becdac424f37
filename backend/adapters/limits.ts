/** Paging bounds of the store's lists, shared by the SQLite and CloudBase adapters so both answer alike. */

/** `limit` within [1, max], `fallback` when it is not a number. */
export function clamp(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback
  return Math.min(max, Math.max(1, Math.floor(limit)))
}

export const caseLimit = (limit: number | undefined) => clamp(limit, 50, 200)
export const announcementLimit = (limit: number | undefined) => clamp(limit, 20, 100)
export const inboxLimit = (limit: number | undefined) => clamp(limit, 20, 100)

/** A membership list has no maximum; a limit that is not a positive number means 500. */
export function membershipLimit(limit: number | undefined): number {
  return limit === undefined || !Number.isFinite(limit) || limit < 1 ? 500 : Math.floor(limit)
}
