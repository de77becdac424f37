import type { Case } from './case'

/** Overdue: still open and the deadline has passed. */
export function isOverdue(c: Pick<Case, 'status' | 'slaDeadline'>, now: Date, terminal: readonly string[]): boolean {
  return c.slaDeadline !== null && !terminal.includes(c.status) && Date.parse(c.slaDeadline) < now.getTime()
}

/** Signed hours left before the deadline (negative once overdue), or null without a deadline. */
export function hoursLeft(c: Pick<Case, 'slaDeadline'>, now: Date): number | null {
  return c.slaDeadline === null ? null : (Date.parse(c.slaDeadline) - now.getTime()) / 3_600_000
}
