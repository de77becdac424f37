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

/** Statuses the 已办结 card counts: fixed by the handler (已办结) and then confirmed or archived (已评价). */
export const DONE = ['resolved', 'closed'] as const

/**
 * One query per grant would count a case twice when two grants cover its grid (an admin who is also
 * a dispatcher of the street): the queries without a department limit become one over their grids.
 */
export function mergeScopes(qs: readonly CaseQuery[]): CaseQuery[] {
  const plain = qs.filter((q) => q.department === undefined)
  const rest = qs.filter((q) => q.department !== undefined)
  if (plain.length < 2) return [...qs]
  const gridCodes = [...new Set(plain.flatMap((q) => q.gridCodes ?? []))]
  return [{ ...plain[0], gridCodes }, ...rest]
}

/**
 * `cases.stats`: totals, overdue rate and breakdowns over the caller's scope and filter. Every card
 * is a sum of the status breakdown: 事项总数 of all rows, 处理中 of the open ones, 已办结 of 已办结
 * and 已评价 (it counted only 已评价 once, so a fixed but unrated case showed 0 beside a breakdown of 1).
 */
export async function stats(d: Deps, actor: Actor, filter: QueueFilter): Promise<{ ok: true; stats: StatsView } | ReturnType<typeof fail>> {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  const qs = mergeScopes(queries(d, tree, actor, filter))
  const sum = { total: 0, overdue: 0, byStatus: {} as Record<string, number>, byCategory: {} as Record<string, number>, byGrid: {} as Record<string, number>, byDay: {} as Record<string, number> }
  let hours = 0
  let resolvedCount = 0
  for (const q of qs) {
    const s = await d.store.caseStats(q, now, REPORT.terminalStatuses)
    sum.total += s.total
    sum.overdue += s.overdue
    for (const k of ['byStatus', 'byCategory', 'byGrid', 'byDay'] as const) {
      // One query (the usual dashboard) keeps its breakdowns: a district's byGrid has thousands of keys.
      if (qs.length === 1) sum[k] = s[k]
      else for (const [key, n] of Object.entries(s[k])) sum[k][key] = (sum[k][key] ?? 0) + n
    }
    if (s.avgHoursToResolve !== null) {
      const n = (s.byStatus.resolved ?? 0) + (s.byStatus.closed ?? 0) || 1
      hours += s.avgHoursToResolve * n
      resolvedCount += n
    }
  }
  const open = OPEN.reduce((n, st) => n + (sum.byStatus[st] ?? 0), 0)
  const closed = DONE.reduce((n, st) => n + (sum.byStatus[st] ?? 0), 0)
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
