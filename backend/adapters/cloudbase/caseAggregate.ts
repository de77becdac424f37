/**
 * `cases.stats` counted by the service: one `$match` + `$group` aggregation per breakdown, one
 * for the average time to close and one count for the overdue, so a dashboard costs the same
 * few requests at 1,000 cases as at 1,000,000 (folding the cases here read them 1,000 a request).
 * The numbers are those of CaseStatsAccumulator (caseStats.ts), which walked queries still use:
 * the day is the Shanghai day of `createdAt` (+08:00, no daylight saving), the time to close
 * is readable `payload.resolvedAt` minus `createdAt`, and cases without a grid count under NO_GRID.
 */
import type { CaseStats } from '../../ports'
import { instant } from './docs'
import { NO_GRID } from './caseStats'
import { guard } from './cloudbaseErrors'
import { answered, type CloudbaseAccess } from './db'

/**
 * An aggregation answers 20 rows unless limited; 10,000 is the ceiling reported for a limit.
 * Breakdowns have a key per status, category, grid or day (a district: ~3,400 grids, a decade
 * of days), so one page each; more keys page on by `$skip`, still not by the cases' number.
 */
export const GROUP_PAGE = 10_000

/** Dates are stored as ISO text; what cannot be read as one counts as no date, not as an error. */
const dateOf = (path: string) => ({ $dateFromString: { dateString: path, onError: null, onNull: null } })

const KEYS = {
  byStatus: '$status',
  byCategory: '$category',
  byGrid: '$gridCode',
  byDay: { $dateToString: { format: '%Y-%m-%d', date: dateOf('$createdAt'), timezone: '+08:00' } },
} as const

type Filter = Record<string, unknown>
type Row = { _id: unknown; n?: unknown; ms?: unknown }

async function grouped(c: CloudbaseAccess, filter: Filter, group: Record<string, unknown>): Promise<Row[]> {
  const out: Row[] = []
  for (let skip = 0; ; skip += GROUP_PAGE) {
    const base = c.coll('cases').aggregate().match(filter).group(group).sort({ _id: 1 })
    const paged = skip === 0 ? base : base.skip(skip)
    const res = (await guard(() => paged.limit(GROUP_PAGE).end())) as { data?: unknown }
    const rows = Array.isArray(res.data) ? (res.data as Row[]) : []
    out.push(...rows)
    if (rows.length < GROUP_PAGE) return out
  }
}

function counts(rows: Row[], noKey: string | null): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) {
    const key = r._id === null || r._id === undefined ? noKey : String(r._id)
    if (key !== null) out[key] = (out[key] ?? 0) + Number(r.n)
  }
  return out
}

export async function aggregatedCaseStats(c: CloudbaseAccess, filter: Filter, now: string, terminalStatuses: readonly string[]): Promise<CaseStats> {
  const _ = c.db.command
  const n = { $sum: 1 }
  const [byStatus, byCategory, byGrid, byDay, avg] = await Promise.all([
    grouped(c, filter, { _id: KEYS.byStatus, n }),
    grouped(c, filter, { _id: KEYS.byCategory, n }),
    grouped(c, filter, { _id: KEYS.byGrid, n }),
    grouped(c, filter, { _id: KEYS.byDay, n }),
    // $avg skips the nulls: cases never closed, or with an unreadable time.
    grouped(c, filter, { _id: null, ms: { $avg: { $subtract: [dateOf('$payload.resolvedAt'), dateOf('$createdAt')] } } }),
  ])
  // A range on text never matches null: cases without a deadline are never overdue.
  const late = { slaDeadline: _.lt(instant(now)), status: _.nin([...terminalStatuses]) }
  const clash = Object.keys(late).some((k) => k in filter)
  const where = clash ? (_.and([filter, late]) as unknown as Filter) : { ...filter, ...late }
  const overdue = answered(await guard(() => c.coll('cases').where(where).count()), 'total')
  const status = counts(byStatus, null)
  const ms = avg[0]?.ms
  return {
    total: Object.values(status).reduce((a, b) => a + b, 0),
    overdue,
    byStatus: status,
    byCategory: counts(byCategory, null),
    byGrid: counts(byGrid, NO_GRID),
    byDay: counts(byDay, null),
    avgHoursToResolve: typeof ms === 'number' ? ms / 3_600_000 : null,
  }
}
