/** Figures of the mediation ledger as the centre reads them. */

export function percentText(rate: number): string {
  if (!Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

export function daysText(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return '—'
  return `${Math.round(days * 10) / 10} 天`
}

/** Inclusive YYYY-MM-DD range; empty ends are open. */
export function ledgerRangeError(from: string, to: string): string {
  const ok = (s: string) => !s || /^\d{4}-\d{2}-\d{2}$/.test(s)
  if (!ok(from) || !ok(to)) return '日期格式应为“年-月-日”，如 2026-01-31'
  if (from && to && from > to) return '开始日期不能晚于结束日期'
  return ''
}

/** Share of each row in a table, for the bar behind the count. */
export function shareOf(count: number, total: number): number {
  return total > 0 ? Math.min(1, count / total) : 0
}
