import type { GridCount, QueueFilter, StatsView } from '../../../src/contracts/api'
import { REPORT } from '../../../src/core/kinds/report'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'
import type { CaseQuery } from '../../ports'
import { OPEN, queries, staffOnly } from './queueScope'

/** A district's desk draws at most this many grids (the busiest first); a street has a few dozen. */
export const MAP_GRIDS_MAX = 600

/** The grids the queries cover that have an outline, with their counts: the dashboard's choropleth. */
function gridMapOf(tree: OrgTree, qs: readonly CaseQuery[], byGrid: Record<string, number>): GridCount[] {
  const codes = new Set(qs.flatMap((q) => q.gridCodes ?? []))
  const out: GridCount[] = []
  for (const code of codes) {
    const g = tree.get(code)
    if (g?.polygon) out.push({ code, name: g.name, count: byGrid[code] ?? 0, polygon: g.polygon.coordinates })
  }
  return out.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, MAP_GRIDS_MAX)
}

/** `cases.stats`: totals, overdue rate and breakdowns over the caller's scope and filter. */
export async function stats(d: Deps, actor: Actor, filter: QueueFilter): Promise<{ ok: true; stats: StatsView } | ReturnType<typeof fail>> {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  const qs = queries(d, tree, actor, filter)
  const sum = { total: 0, overdue: 0, byStatus: {} as Record<string, number>, byCategory: {} as Record<string, number>, byGrid: {} as Record<string, number>, byDay: {} as Record<string, number> }
  let hours = 0
  let resolvedCount = 0
  for (const q of qs) {
    const s = await d.store.caseStats(q, now, REPORT.terminalStatuses)
    sum.total += s.total
    sum.overdue += s.overdue
    for (const k of ['byStatus', 'byCategory', 'byGrid', 'byDay'] as const) {
      for (const [key, n] of Object.entries(s[k])) sum[k][key] = (sum[k][key] ?? 0) + n
    }
    if (s.avgHoursToResolve !== null) {
      const n = (s.byStatus.resolved ?? 0) + (s.byStatus.closed ?? 0) || 1
      hours += s.avgHoursToResolve * n
      resolvedCount += n
    }
  }
  const open = OPEN.reduce((n, st) => n + (sum.byStatus[st] ?? 0), 0)
  const closed = sum.byStatus.closed ?? 0
  const entries = (m: Record<string, number>, label: (k: string) => string) =>
    Object.entries(m)
      .map(([key, count]) => ({ key, label: label(key), count }))
      .sort((a, b) => b.count - a.count)
  return {
    ok: true,
    stats: {
      total: sum.total,
      open,
      overdue: sum.overdue,
      overdueRate: open ? Math.round((sum.overdue / open) * 1000) / 1000 : 0,
      closed,
      avgHoursToResolve: resolvedCount ? Math.round((hours / resolvedCount) * 10) / 10 : null,
      byStatus: entries(sum.byStatus, (k) => REPORT.statusLabels[k] ?? k),
      byCategory: entries(sum.byCategory, (k) => categoryName(d.config, k)),
      byGrid: entries(sum.byGrid, (k) => tree.get(k)?.name ?? k),
      byDay: Object.entries(sum.byDay)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, count]) => ({ day, count })),
      gridMap: gridMapOf(tree, qs, sum.byGrid),
    },
  }
}
