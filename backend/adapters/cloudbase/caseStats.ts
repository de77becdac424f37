/**
 * CaseStats folded from cases in hand: for queries that walk the cases anyway (no indexed field
 * to match on) and as the definition caseAggregate.ts's server-side counts must equal.
 */
import type { Case } from '../../../src/core/case'
import { shanghaiDay } from '../../../src/core/time'
import type { CaseStats } from '../../ports'

/** Key under which cases without a grid are counted in `byGrid`. */
export const NO_GRID = ''

export class CaseStatsAccumulator {
  private total = 0
  private overdue = 0
  private readonly byStatus: Record<string, number> = {}
  private readonly byCategory: Record<string, number> = {}
  private readonly byGrid: Record<string, number> = {}
  private readonly byDay: Record<string, number> = {}
  private resolveHours = 0
  private resolved = 0
  private readonly terminal: Set<string>
  private readonly nowMs: number

  constructor(now: string, terminalStatuses: readonly string[]) {
    this.nowMs = Date.parse(now)
    this.terminal = new Set(terminalStatuses)
  }

  add(c: Case): void {
    this.total++
    bump(this.byStatus, c.status)
    bump(this.byCategory, c.category)
    bump(this.byGrid, c.gridCode ?? NO_GRID)
    bump(this.byDay, shanghaiDay(c.createdAt))
    if (!this.terminal.has(c.status) && c.slaDeadline !== null && Date.parse(c.slaDeadline) < this.nowMs) this.overdue++
    const resolvedAt = (c.payload as { resolvedAt?: unknown }).resolvedAt
    if (typeof resolvedAt === 'string' && Number.isFinite(Date.parse(resolvedAt))) {
      this.resolveHours += (Date.parse(resolvedAt) - Date.parse(c.createdAt)) / 3_600_000
      this.resolved++
    }
  }

  result(): CaseStats {
    return {
      total: this.total,
      overdue: this.overdue,
      byStatus: this.byStatus,
      byCategory: this.byCategory,
      byGrid: this.byGrid,
      byDay: this.byDay,
      avgHoursToResolve: this.resolved === 0 ? null : this.resolveHours / this.resolved,
    }
  }
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1
}
