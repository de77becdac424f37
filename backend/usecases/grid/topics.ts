/** The grid's outbox topics: the use cases enqueue them, notify.ts delivers them. */
export const GRID_ANNOUNCEMENT = 'grid.announcement'
export const GRID_QR_EXPIRING = 'grid.qr_expiring'
export const GRID_REMIND = 'grid.remind_unread'
