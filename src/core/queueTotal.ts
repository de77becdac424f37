/**
 * A queue's total is counted exactly up to QUEUE_TOTAL_CAP; above it the answer says
 * `totalCapped` and people read 「1万+」. Counting stops there because an exact count of a
 * street's 100,000 cases reads every index entry on every page (bench figure 2a).
 */
export const QUEUE_TOTAL_CAP = 10_000

/** 「1万+」 for a capped total, the number otherwise. */
export function queueTotalText(total: number, capped?: boolean): string {
  return capped ? '1万+' : String(total)
}
