/**
 * Fixed-window counters of creates per (identity, action), the storage half of rate limiting
 * (backend/usecases/shared/rateLimit.ts decides the window and the limit from district data).
 */
export interface RateLimitTx {
  /**
   * Counts one hit of `action` by `subject` in the window starting at `windowStart`, unless `max`
   * hits are already counted there. True when counted; false when the limit is reached (nothing
   * written). Inside the create's transaction, so a rolled-back create is not counted.
   */
  countRateHit(subject: string, action: string, windowStart: string, max: number): Promise<boolean>
}

export interface RateLimitRepo {
  /**
   * countRateHit on its own, outside any transaction: for a probe (a read such as
   * reports.duplicates) that nothing rolls back. On CloudBase the usual hit, this window's
   * counter below the limit, is one conditional update instead of a transaction's four requests.
   */
  countRateHitAlone(subject: string, action: string, windowStart: string, max: number): Promise<boolean>
}
