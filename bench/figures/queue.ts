/**
 * Figure 2: the queues at 1,000,000 cases over a district of 10 streets and 3,420 grids (issue
 * 21): 960,000 reports and 40,000 mediation cases (one in 25). Times the use cases the app calls
 * (cases.queue for a street's dispatcher, a grid worker and a department, mediation.queue for a
 * mediator, the dispatcher's deep pages by cursor, reports.mine for a resident) over many random
 * units and filters, in this process on SQLite, and prints the query plan of each report statement.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { rebuildCaseCounts, suspendCaseCountTriggers } from '../../backend/adapters/sqlite/caseCounts'
import { caseWhere, countSql, listSql, slaMergeSql, slaParts, slaRanges } from '../../backend/adapters/sqlite/caseQuery'
import { caseToRow } from '../../backend/adapters/sqlite/cases'
import type { CaseQuery, User } from '../../backend/ports'
import type { QueueFilter } from '../../src/contracts/api'
import type { Case } from '../../src/core/case'
import { QUEUE_TOTAL_CAP } from '../../src/core/queueTotal'
import type { Actor } from '../../src/core/roles'
import { dashboardFigures } from '../lib/dashboard'
import { DISTRICT, generateDistrict, pointIn, rng } from '../lib/district'
import { log, run, tempDir } from '../lib/proc'
import { figure, fullScans, summarize, type Figure } from '../lib/stats'

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000)
const RESIDENTS = 100_000
const SAMPLES = Number(process.env.BENCH_QUEUE_SAMPLES ?? 2000)
/** Each probe stops at SAMPLES or after this long, so a slow query cannot blow the 10-minute budget. */
const PROBE_MS = 30_000
const DAY = 24 * 3600 * 1000
const NOW = Date.parse('2026-06-01T04:00:00.000Z')

/** A year of reports: most closed, a tenth waiting for the worker, the rest in between. */
const STATUS_MIX: Array<[string, number]> = [
  ['closed', 0.55], ['resolved', 0.08], ['rejected', 0.04], ['merged', 0.01],
  ['submitted', 0.06], ['accepted', 0.07], ['assigned', 0.09], ['in_progress', 0.1],
]
const CATEGORIES: Array<[string, string | null]> = [
  ['ZA01', null], ['ZA02', null], ['XF01', null], ['XF02', null], ['XF03', 'fire'], ['HJ01', null], ['HJ02', 'water'], ['SZ01', 'municipal'],
  ['SZ02', 'municipal'], ['WJ01', 'chengguan'], ['ZD01', 'chengguan'], ['ZY01', 'chengguan'], ['ZY02', null], ['ZX01', null], ['QT01', null],
]

/** Issue 21: the queues and the dashboard are measured over a district of 10 streets (342 grids each). */
const district = generateDistrict({ streets: 10 })
/** Departments of CATEGORIES, each with a district-wide grant (城管, 水务 …). */
const DEPARTMENTS = [...new Set(CATEGORIES.map(([, dep]) => dep).filter((x): x is string => x !== null))]
/** Mediation outcomes over a year: most finished, about a third still open. */
const MEDIATION_MIX: Array<[string, number]> = [
  ['succeeded', 0.45], ['failed', 0.1], ['declined', 0.06], ['rejected', 0.04],
  ['applied', 0.08], ['accepted', 0.07], ['awaiting_consent', 0.05], ['mediating', 0.1], ['agreement_pending', 0.05],
]
const DISPUTE_TYPES = ['neighbour', 'family', 'tenancy', 'labour', 'traffic', 'commerce', 'property', 'other']
/** The district-wide committees of settings/district.json, each taking its own dispute type. */
const DISTRICT_COMMITTEES = ['traffic', 'commerce', 'family']
/** One case in MEDIATION_EVERY is a mediation. */
const MEDIATION_EVERY = 25
const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID for a time and a counter: ids sort by creation time like the product's. */
function ulidAt(ms: number, n: number): string {
  let t = ''
  for (let i = 0, v = ms; i < 10; i++, v = Math.floor(v / 32)) t = ULID_CHARS[v % 32]! + t
  let r = ''
  for (let i = 0, v = n; i < 16; i++, v = Math.floor(v / 32)) r = ULID_CHARS[v % 32]! + r
  return t + r
}

function pick<T>(rand: () => number, mix: Array<[T, number]>): T {
  let x = rand()
  for (const [v, w] of mix) if ((x -= w) < 0) return v
  return mix[mix.length - 1]![0]
}

function makeCase(n: number, rand: () => number): Case {
  const createdMs = NOW - 365 * DAY + Math.floor((n / CASES) * 365 * DAY)
  const g = district.grids[Math.floor(rand() * district.grids.length)]!
  if (n % MEDIATION_EVERY === MEDIATION_EVERY - 1) return makeMediation(n, createdMs, district.streetOfGrid.get(g.code)!, rand)
  const status = pick(rand, STATUS_MIX)
  const [category, department] = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!
  const escalated = rand() < 0.03
  const assigned = status !== 'submitted' && status !== 'rejected' && status !== 'merged' && status !== 'accepted'
  const created = new Date(createdMs).toISOString()
  return {
    id: ulidAt(createdMs, n),
    kind: 'report',
    status,
    unitCode: escalated ? district.streetOfGrid.get(g.code)! : g.code,
    gridCode: g.code,
    assigneeId: assigned && !department ? `gw-${g.code}` : null,
    category,
    payload: { description: '楼道堆放杂物，影响通行', photos: [], location: { ...pointIn(g, rand), address: '白云区某路 1 号' }, anonymous: rand() < 0.1, ...(department ? { department } : {}) },
    creatorId: `res-${Math.floor(rand() * RESIDENTS)}`,
    idempotencyKey: `k${n}`,
    createdAt: created,
    updatedAt: created,
    slaDeadline: rand() < 0.02 ? null : new Date(createdMs + (24 + Math.floor(rand() * 48)) * 3600 * 1000).toISOString(),
    version: 1,
  }
}

/**
 * An application at its street's centre: a district-wide committee takes most of its own dispute
 * type, the street's 人民调解委员会 (code people) the rest; open ones past acceptance have a mediator.
 */
function makeMediation(n: number, createdMs: number, street: string, rand: () => number): Case {
  const status = pick(rand, MEDIATION_MIX)
  const disputeType = DISPUTE_TYPES[Math.floor(rand() * DISPUTE_TYPES.length)]!
  const committee = DISTRICT_COMMITTEES.includes(disputeType) && rand() < 0.7 ? disputeType : 'people'
  const created = new Date(createdMs).toISOString()
  return {
    id: ulidAt(createdMs, n),
    kind: 'mediation',
    status,
    unitCode: street,
    gridCode: null,
    assigneeId: status === 'applied' || status === 'rejected' ? null : mediatorOf(committee, street),
    category: disputeType,
    payload: {
      disputeType, facts: '楼上漏水导致楼下天花板受损，协商赔偿未果', claims: '赔偿维修费用', evidence: [], preferredWay: 'online',
      parties: [{ side: 'applicant', name: '张*明' }, { side: 'respondent', name: '李*' }],
      respondentIds: [], committee, sessions: [], agreement: null, referral: null, ratings: {}, remindedDays: [],
    },
    creatorId: `res-${Math.floor(rand() * RESIDENTS)}`,
    idempotencyKey: `k${n}`,
    createdAt: created,
    updatedAt: created,
    slaDeadline: status === 'applied' ? null : new Date(createdMs + (15 + Math.floor(rand() * 30)) * DAY).toISOString(),
    version: 1,
  }
}

function mediatorOf(committee: string, street: string): string {
  return committee === 'people' ? `med-people-${street}` : `med-${committee}`
}

function mediatorGrant(committee: string, street: string): Actor['grants'][number] {
  return { role: 'mediator', unitCode: committee === 'people' ? street : DISTRICT, committee }
}

function staff(): User[] {
  const at = new Date(NOW).toISOString()
  const out: User[] = district.streets.map((s) => ({ id: `disp-${s}`, name: '坐席', phone: null, openid: null, grants: [{ role: 'dispatcher', unitCode: s }], createdAt: at }))
  for (const g of district.grids) out.push({ id: `gw-${g.code}`, name: '网格员', phone: null, openid: null, grants: [{ role: 'grid_worker', unitCode: g.code }], createdAt: at })
  for (const dep of DEPARTMENTS) out.push({ id: `dep-${dep}`, name: '部门', phone: null, openid: null, grants: [{ role: 'department', unitCode: DISTRICT, department: dep }], createdAt: at })
  for (const s of district.streets) out.push({ id: mediatorOf('people', s), name: '调解员', phone: null, openid: null, grants: [mediatorGrant('people', s)], createdAt: at })
  for (const c of DISTRICT_COMMITTEES) out.push({ id: mediatorOf(c, ''), name: '调解员', phone: null, openid: null, grants: [mediatorGrant(c, '')], createdAt: at })
  return out
}

/**
 * Batched inserts. The product's indexes are dropped for the load and made again from their
 * own CREATE statements afterwards (a sort per index instead of a million random inserts into
 * each): the schema ends the same, the load takes a fraction of the time.
 */
async function load(dir: string): Promise<void> {
  const store = openSqliteStore(dir)
  await store.putUnits(district.units)
  for (const u of staff()) await store.putUser(u)
  await store.close()
  const db = new Database(join(dir, 'jiefang.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`)
  // The maintained counts (migration 23) are made once after the load, not bumped per row.
  const triggers = suspendCaseCountTriggers(db)
  // The street key as the store writes it (caseStreets.ts): the grid's street.
  const cols = [...Object.keys(caseToRow(makeCase(0, rng(1)))), 'street_code']
  const insert = db.prepare(`INSERT INTO cases (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
  const batch = db.transaction((rows: Case[]) => {
    for (const c of rows) insert.run({ ...caseToRow(c), street_code: c.gridCode === null ? c.unitCode : district.streetOfGrid.get(c.gridCode) ?? null })
  })
  const rand = rng(42)
  const t0 = performance.now()
  for (let n = 0; n < CASES; n += 20_000) batch(Array.from({ length: Math.min(20_000, CASES - n) }, (_, i) => makeCase(n + i, rand)))
  log(`inserted ${CASES} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const t1 = performance.now()
  for (const i of indexes) db.exec(i.sql)
  log(`rebuilt ${indexes.length} case indexes in ${((performance.now() - t1) / 1000).toFixed(1)} s`)
  const t2 = performance.now()
  triggers.restore()
  rebuildCaseCounts(db)
  log(`counted cases for the dashboard in ${((performance.now() - t2) / 1000).toFixed(1)} s`)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

interface Probe {
  id: string
  name: string
  actor: (rand: () => number) => Actor
  filters: QueueFilter[]
}

const OPEN_TAB = ['accepted', 'assigned', 'in_progress']
/** Deep pages: how many pages in the cursors are taken from (page 2 … DEEP_PAGES + 1). */
const DEEP_PAGES = Number(process.env.BENCH_QUEUE_DEEP_PAGES ?? 100)

async function main(): Promise<{ figures: Figure[]; plans: Record<string, string[]> }> {
  const dir = tempDir('queue')
  await load(dir)
  process.env.DATA_DIR = dir
  process.env.JIEFANG_MODE = 'local'
  const runtime = await import('../../backend/runtime')
  const queue = await import('../../backend/usecases/report/queue')
  const scope = await import('../../backend/usecases/report/queueScope')
  const reports = await import('../../backend/usecases/report/mine')
  const mediation = await import('../../backend/usecases/mediation/queue')
  const base = runtime.deps()
  // The queue's clock is the data's "now", so overdue filters find what a live district would.
  const d = { ...base, clock: { now: () => new Date(NOW) } }
  const tree = await d.orgTree()
  const street = (rand: () => number) => district.streets[Math.floor(rand() * district.streets.length)]!
  const grid = (rand: () => number) => district.grids[Math.floor(rand() * district.grids.length)]!.code
  const dispatcherOf = (s: string): Actor => ({ userId: `disp-${s}`, name: '', grants: [{ role: 'dispatcher', unitCode: s }] })
  const dispatcher: Probe = {
    id: '2a',
    name: 'dispatcher',
    actor: (rand) => dispatcherOf(street(rand)),
    filters: [{ statuses: ['submitted'] }, { statuses: OPEN_TAB }, { overdue: true }, { statuses: OPEN_TAB, category: 'HJ01' }, {}],
  }
  const worker: Probe = {
    id: '2b',
    name: 'grid worker',
    actor: (rand) => {
      const g = grid(rand)
      return { userId: `gw-${g}`, name: '', grants: [{ role: 'grid_worker', unitCode: g }] }
    },
    filters: [{ statuses: ['submitted'] }, { statuses: OPEN_TAB }, { statuses: ['resolved'] }, {}],
  }
  const department: Probe = {
    id: '2g',
    name: 'department',
    actor: (rand) => {
      const dep = DEPARTMENTS[Math.floor(rand() * DEPARTMENTS.length)]!
      return { userId: `dep-${dep}`, name: '', grants: [{ role: 'department', unitCode: DISTRICT, department: dep }] }
    },
    filters: [{ statuses: ['assigned'] }, { statuses: ['in_progress'] }, { statuses: OPEN_TAB }, { overdue: true }, {}],
  }
  const figures: Figure[] = []
  const plans: Record<string, string[]> = {}
  /** The plans of the statements the store runs for `q`: the page's index ranges (merged in one statement per part), and the capped count. */
  const explain = (name: string, q: CaseQuery) => {
    const where = caseWhere(q)
    if (!where) return
    const db = new Database(join(dir, 'jiefang.sqlite'), { readonly: true })
    const ranges = q.order === 'sla' ? slaRanges(q) : null
    const statements: Array<[string, { sql: string; params: unknown[] }]> = ranges
      ? slaParts(null).map((part) => [`page ranges ${part.undated ? 'undated' : 'dated'}`, slaMergeSql(ranges.map((r) => caseWhere(r)!), part, 21)])
      : [['page', listSql(where, q.order, q.limit)]]
    if (!q.creatorId) statements.push(['count', countSql(where, QUEUE_TOTAL_CAP + 1)])
    for (const [kind, st] of statements) {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${st.sql}`).all(...st.params) as Array<{ detail: string }>
      plans[`${name} ${kind}`] = rows.map((r) => r.detail)
    }
    db.close()
  }

  for (const probe of [dispatcher, worker, department]) {
    const rand = rng(7)
    const xs: number[] = []
    const pageMs: number[] = []
    let capped = 0
    const started = performance.now()
    for (let i = 0; i < SAMPLES + 100 && performance.now() - started < PROBE_MS; i++) {
      const actor = probe.actor(rand)
      const filter = probe.filters[i % probe.filters.length]!
      const t = performance.now()
      const r = await queue.queue(d, actor, { ...filter, limit: 20 })
      const ms = performance.now() - t
      if (!r.ok) throw new Error(`${probe.name} queue refused: ${r.message}`)
      if (i >= 100) xs.push(ms)
      if ('totalCapped' in r && r.totalCapped) capped++
      // The page statement alone, for the same scope: what the index has to serve.
      const [q] = scope.queueQueries(d, tree, actor, filter)
      if (q) {
        const t2 = performance.now()
        await d.store.listCases({ ...q, limit: 21 })
        if (i >= 100) pageMs.push(performance.now() - t2)
        if (i < probe.filters.length) explain(`${probe.name} ${JSON.stringify(filter)}`, { ...q, limit: 21 })
      }
    }
    const s = summarize(xs)
    const p = summarize(pageMs)
    log(`${probe.name} queue: p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms; page statement p99 ${p.p99.toFixed(3)} ms; totals capped ${capped}`)
    figures.push(figure(probe.id, `${probe.name} queue page (20 rows + total) p99`, s.p99, 'ms', { op: '<=', value: 1 }, { samples: s.n, p50Ms: s.p50, maxMs: s.max, pageStatementP50Ms: p.p50, pageStatementP99Ms: p.p99, totalsCapped: capped, filters: probe.filters }))
  }

  // 2h: a mediator's workbench (mediation.queue): a street's 人民调解委员会 or a district-wide committee.
  {
    const rand = rng(11)
    const open = ['applied', 'accepted', 'awaiting_consent', 'mediating', 'agreement_pending']
    const filters: Array<Record<string, unknown>> = [{ statuses: open }, { statuses: ['mediating'] }, { mine: true }, {}]
    const mediator = (): Actor => {
      const committee = rand() < 0.7 ? 'people' : DISTRICT_COMMITTEES[Math.floor(rand() * DISTRICT_COMMITTEES.length)]!
      const s = street(rand)
      return { userId: mediatorOf(committee, s), name: '', grants: [mediatorGrant(committee, s)] }
    }
    const xs: number[] = []
    const deep: number[] = []
    let capped = 0
    const started = performance.now()
    for (let i = 0; i < SAMPLES + 100 && performance.now() - started < PROBE_MS; i++) {
      const actor = mediator()
      const filter = filters[i % filters.length]!
      const t = performance.now()
      const r = await mediation.queue(d, actor, { ...filter, limit: 20 })
      const ms = performance.now() - t
      if (!r.ok) throw new Error(`mediator queue refused: ${r.message}`)
      if (i >= 100) xs.push(ms)
      if (r.totalCapped) capped++
      // Every tenth sample walks on by cursor and times its fifth page, as deep as a mediator scrolls.
      if (i % 10 === 0 && r.next) {
        let next: string | null = r.next
        for (let page = 2; page <= 5 && next; page++) {
          const t2 = performance.now()
          const p = await mediation.queue(d, actor, { ...filter, limit: 20, before: next })
          if (page === 5 && i >= 100) deep.push(performance.now() - t2)
          if (!p.ok) throw new Error('mediator deep page refused')
          next = p.next
        }
      }
    }
    const s = summarize(xs)
    const dp = summarize(deep)
    log(`mediator queue: p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms; fifth page p50 ${dp.p50.toFixed(3)} ms, p99 ${dp.p99.toFixed(3)} ms; totals capped ${capped}`)
    figures.push(figure('2h', 'mediator queue page (20 rows + total) p99', s.p99, 'ms', { op: '<=', value: 1 }, { samples: s.n, p50Ms: s.p50, maxMs: s.max, fifthPageP50Ms: dp.p50, fifthPageP99Ms: dp.p99, totalsCapped: capped, filters }))
  }

  // 2i: pages far down a street's queue by the cursor the app sends (the last case's id).
  {
    const rand = rng(9)
    const cursors: Array<{ actor: Actor; filter: QueueFilter; before: string }> = []
    for (const s of district.streets.slice(0, 3)) {
      for (const filter of [{ statuses: OPEN_TAB }, {}] as QueueFilter[]) {
        let before: string | undefined
        for (let page = 0; page < DEEP_PAGES; page++) {
          const r = await queue.queue(d, dispatcherOf(s), { ...filter, limit: 100, before })
          if (!r.ok || !r.next) break
          before = r.next
          if (page > 0) cursors.push({ actor: dispatcherOf(s), filter, before })
        }
      }
    }
    // The same streets' and filters' first pages, interleaved, as the yardstick "as fast as the first".
    const xs: number[] = []
    const firsts: number[] = []
    const started = performance.now()
    for (let i = 0; i < SAMPLES + 100 && cursors.length > 0 && performance.now() - started < PROBE_MS; i++) {
      const c = cursors[Math.floor(rand() * cursors.length)]!
      const t = performance.now()
      const r = await queue.queue(d, c.actor, { ...c.filter, before: c.before, limit: 20 })
      const t1 = performance.now()
      await queue.queue(d, c.actor, { ...c.filter, limit: 20 })
      if (i >= 100) {
        xs.push(t1 - t)
        firsts.push(performance.now() - t1)
      }
      if (!r.ok) throw new Error('deep page refused')
    }
    const s = summarize(xs)
    const f = summarize(firsts)
    log(`dispatcher deep pages (rows 200–${DEEP_PAGES * 100}): p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms; their first pages p50 ${f.p50.toFixed(3)} ms, p99 ${f.p99.toFixed(3)} ms`)
    figures.push(
      figure('2i', `dispatcher queue, a page 200–${DEEP_PAGES * 100} rows deep by cursor, p99`, s.p99, 'ms', { op: '<=', value: 1 }, { samples: s.n, p50Ms: s.p50, maxMs: s.max, firstPageP50Ms: f.p50, firstPageP99Ms: f.p99, cursors: cursors.length }),
    )
  }

  const rand = rng(3)
  const mine: number[] = []
  const started = performance.now()
  for (let i = 0; i < SAMPLES + 100 && performance.now() - started < PROBE_MS; i++) {
    const actor: Actor = { userId: `res-${Math.floor(rand() * RESIDENTS)}`, name: '', grants: [{ role: 'resident', unitCode: DISTRICT }] }
    const t = performance.now()
    const r = await reports.mine(d, actor, { limit: 20 })
    if (i >= 100) mine.push(performance.now() - t)
    if (!r.ok) throw new Error('mine refused')
    if (i === 0) explain('resident mine', { kind: 'report', creatorId: actor.userId, order: 'newest', limit: 21 })
  }
  const m = summarize(mine)
  log(`resident mine: p50 ${m.p50.toFixed(3)} ms, p99 ${m.p99.toFixed(3)} ms`)
  figures.push(figure('2c', "resident's my cases (20 rows) p99", m.p99, 'ms', { op: '<=', value: 1 }, { samples: m.n, p50Ms: m.p50, maxMs: m.max }))
  const scans = Object.entries(plans).flatMap(([name, plan]) => fullScans(plan).map((l) => `${name}: ${l}`))
  figures.push(figure('2d', 'queue statements reading cases without an index', scans.length, '', { op: '<=', value: 0 }, { cases: CASES, grids: district.grids.length, streets: district.streets.length, scans }))
  figures.push(...(await dashboardFigures(d, { district, dbFile: join(dir, 'jiefang.sqlite') })))
  await base.store.close()
  return { figures, plans }
}

run(main)
