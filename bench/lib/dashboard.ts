/**
 * Figure 2e (and 2f): the district dashboard (`cases.stats`) over the queue figure's million
 * cases, timed through the use case the desk calls, for the district's administrator and random
 * street dispatchers. The counters answer whole streets; 2f times the filters they do not carry
 * (category, a day range, overdue), which read the matching cases. BENCH_DASHBOARD_BEFORE=n adds
 * n runs of the district's dashboard from the cases table alone (the code before the counters).
 */
import Database from 'better-sqlite3'
import { caseStatsSql } from '../../backend/adapters/sqlite/caseStats'
import type { Deps } from '../../backend/deps'
import type { QueueFilter } from '../../src/contracts/api'
import { REPORT } from '../../src/core/kinds/report'
import type { Actor } from '../../src/core/roles'
import { DISTRICT, rng, type District } from './district'
import { log } from './proc'
import { figure, summarize, type Figure } from './stats'

const SAMPLES = Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 500)
/** Each probe stops at SAMPLES or after this long; the filters read from the cases get less. */
const PROBE_MS = 20_000
const UNCOUNTED_MS = 10_000
/** Runs of the district's dashboard from the cases table (seconds each at 1M): 0 unless asked for. */
const BEFORE_RUNS = Number(process.env.BENCH_DASHBOARD_BEFORE ?? 0)
const OPEN_TAB = ['accepted', 'assigned', 'in_progress']

export interface DashboardContext {
  district: District
  /** The loaded SQLite file, read directly for the before figure. */
  dbFile: string
}

interface Probe {
  actor: (rand: () => number) => Actor
  filter: QueueFilter
}

async function time(d: Deps, probes: readonly Probe[], budgetMs: number, warm: number): Promise<number[]> {
  const { stats } = await import('../../backend/usecases/report/stats')
  const rand = rng(11)
  const xs: number[] = []
  const started = performance.now()
  for (let i = 0; i < SAMPLES + warm && performance.now() - started < budgetMs; i++) {
    const p = probes[i % probes.length]!
    const t = performance.now()
    const r = await stats(d, p.actor(rand), p.filter)
    const ms = performance.now() - t
    if (!r.ok) throw new Error(`cases.stats refused: ${r.message}`)
    if (i >= warm) xs.push(ms)
  }
  return xs
}

/** The whole district's dashboard from the cases table, as every call computed it before migration 23. */
function casesTableMs(ctx: DashboardContext, now: string, runs: number): number[] {
  if (runs === 0) return []
  const db = new Database(ctx.dbFile, { readonly: true })
  const gridCodes = ctx.district.grids.map((g) => g.code)
  const stmt = caseStatsSql({ kind: 'report', gridCodes }, now, REPORT.terminalStatuses)!
  const prepared = db.prepare(stmt.sql)
  const xs: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    prepared.all(...stmt.params)
    xs.push(performance.now() - t)
  }
  db.close()
  return xs
}

export async function dashboardFigures(d: Deps, ctx: DashboardContext): Promise<Figure[]> {
  const admin = (): Actor => ({ userId: 'bench-admin', name: '', grants: [{ role: 'admin', unitCode: DISTRICT }] })
  const dispatcher = (rand: () => number): Actor => {
    const s = ctx.district.streets[Math.floor(rand() * ctx.district.streets.length)]!
    return { userId: `disp-${s}`, name: '', grants: [{ role: 'dispatcher', unitCode: s }] }
  }
  const counted: Probe[] = [
    { actor: admin, filter: {} },
    { actor: dispatcher, filter: {} },
    { actor: admin, filter: { statuses: OPEN_TAB } },
    { actor: dispatcher, filter: { statuses: ['submitted'] } },
    { actor: admin, filter: { statuses: ['resolved', 'closed'] } },
  ]
  const now = d.clock.now()
  const monthAgo = new Date(now.getTime() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
  const uncounted: Probe[] = [
    { actor: dispatcher, filter: { category: 'HJ01' } },
    { actor: dispatcher, filter: { from: monthAgo } },
    { actor: dispatcher, filter: { overdue: true } },
  ]
  const s = summarize(await time(d, counted, PROBE_MS, 20))
  const before = summarize(casesTableMs(ctx, now.toISOString(), BEFORE_RUNS))
  log(`dashboard: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms${before.n ? `; the district from the cases table: p50 ${before.p50.toFixed(0)} ms` : ''}`)
  const f = summarize(await time(d, uncounted, UNCOUNTED_MS, 0))
  log(`dashboard with filters read from the cases: p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms`)
  return [
    figure('2e', 'district dashboard (cases.stats over whole streets) p99', s.p99, 'ms', { op: '<=', value: 50 }, {
      samples: s.n,
      p50Ms: s.p50,
      maxMs: s.max,
      filters: counted.map((p) => ({ actor: p.actor === admin ? 'district admin' : 'street dispatcher', filter: p.filter })),
      ...(before.n ? { districtFromCasesTableP50Ms: before.p50, districtFromCasesTableRuns: before.n } : {}),
    }),
    figure('2f', 'street dashboard, filters the counters do not carry (category, days, overdue) p99', f.p99, 'ms', null, {
      samples: f.n,
      p50Ms: f.p50,
      maxMs: f.max,
      filters: uncounted.map((p) => p.filter),
    }),
  ]
}
