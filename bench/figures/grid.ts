/**
 * Figure 7, 网格服务群 at Baiyun's scale: one street of the generated district (~140 grids) with
 * 50,000 joined members (plus former members and waiting requests). The street's dispatcher
 * publishes street-wide emergencies; members open their feed and read; the dispatcher reads the
 * receipt summary (counts, the first unread and the first readers) with half the street read,
 * then with all but 20 read (the unread page is hardest to find).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { userRows } from '../../backend/adapters/sqlite/users'
import type { User } from '../../backend/ports'
import type { Actor } from '../../src/core/roles'
import { generateDistrict, rng } from '../lib/district'
import { log, run, tempDir } from '../lib/proc'
import { figure, summarize, type Figure } from '../lib/stats'

const MEMBERS = Number(process.env.BENCH_GRID_MEMBERS ?? 50_000)
/** Former members (left) and waiting requests beside the roster, as a live street has them. */
const FORMER = Math.round(MEMBERS * 0.02)
const district = generateDistrict()
const STREET = district.streets[0]!
const GRIDS = district.grids.filter((g) => district.streetOfGrid.get(g.code) === STREET).map((g) => g.code)
const DISPATCHER = `disp-${STREET}`
const T0 = Date.parse('2026-11-01T00:00:00Z')

const member = (i: number) => `m-${String(i).padStart(6, '0')}`
const gridOf = (i: number) => GRIDS[i % GRIDS.length]!

/** Users and memberships by batched inserts into the migrated file. */
async function load(dir: string): Promise<void> {
  const store = openSqliteStore(dir)
  await store.putUnits(district.units)
  await store.putUser({ id: DISPATCHER, name: '综治中心', phone: null, openid: null, grants: [{ role: 'dispatcher', unitCode: STREET }], createdAt: new Date(T0).toISOString() })
  await store.close()
  const db = new Database(join(dir, 'jiefang.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const user = (i: number): User => ({ id: member(i), name: `居民${i}`, phone: null, openid: null, grants: [], createdAt: new Date(T0).toISOString() })
  const cols = Object.keys(userRows.toRow(user(0)))
  const insertUser = db.prepare(`INSERT INTO users (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
  const insertMember = db.prepare('INSERT INTO memberships (grid_code, user_id, status, building, requested_at, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const t0 = performance.now()
  db.transaction(() => {
    for (let i = 0; i < MEMBERS + FORMER; i++) {
      insertUser.run(userRows.toRow(user(i)))
      const at = new Date(T0 + i * 1000).toISOString()
      const status = i < MEMBERS ? 'joined' : i % 2 ? 'left' : 'requested'
      insertMember.run(gridOf(i), member(i), status, `${1 + (i % 30)} 栋`, at, status === 'requested' ? null : at, status === 'requested' ? null : DISPATCHER)
    }
  })()
  log(`grid: ${MEMBERS} members + ${FORMER} former over ${GRIDS.length} grids in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  db.close()
}

/** Samples of `f`, at most `n`, stopping early (after 3) once `budgetMs` is spent: the old receipt took seconds. */
async function sample(n: number, budgetMs: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const xs: number[] = []
  const start = performance.now()
  for (let i = 0; i < n && (i < 3 || performance.now() - start < budgetMs); i++) {
    const t = performance.now()
    await f(i)
    xs.push(performance.now() - t)
  }
  return xs
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

async function main(): Promise<{ figures: Figure[] }> {
  const dir = tempDir('grid')
  await load(dir)
  process.env.DATA_DIR = dir
  process.env.JIEFANG_MODE = 'local'
  const { deps } = await import('../../backend/runtime')
  const { publish } = await import('../../backend/usecases/grid/publish')
  const { receipts } = await import('../../backend/usecases/grid/receipts')
  const { announcements } = await import('../../backend/usecases/grid/announcements')
  const { markRead } = await import('../../backend/usecases/grid/markRead')
  const d = deps()
  const disp: Actor = { userId: DISPATCHER, name: '综治中心', grants: [{ role: 'dispatcher', unitCode: STREET }] }
  const resident = (i: number): Actor => ({ userId: member(i), name: '', grants: [{ role: 'resident', unitCode: gridOf(i) }] })
  const rand = rng(7)
  const someone = () => Math.floor(rand() * MEMBERS)

  // A grid's own notices beside the street's: the feed merges both.
  for (let i = 0; i < 40; i++) {
    const code = GRIDS[i % GRIDS.length]!
    const r = await publish(d, disp, { idempotencyKey: `grid-${i}`, type: 'notice', title: `网格通知 ${i}`, body: '本网格通知', target: { kind: 'grids', codes: [code] } })
    if (!r.ok) throw new Error(r.message)
  }
  let lastId = ''
  const publishing = await sample(60, 30_000, async (i) => {
    const r = await publish(d, disp, { idempotencyKey: `street-${i}`, type: 'emergency', title: `紧急通知 ${i}`, body: '台风橙色预警，请居民减少外出，关好门窗。', target: { kind: 'street', code: STREET } })
    if (!r.ok) throw new Error(r.message)
    if (r.grids !== GRIDS.length) throw new Error(`published to ${r.grids} grids`)
    lastId = r.announcement.id
  })
  const feed = await sample(2000, 20_000, async () => {
    const r = await announcements(d, resident(someone()), {})
    if (!r.ok || r.items.length !== 20 || r.pinned.length === 0) throw new Error('feed without the street emergencies')
  })
  // Half the street reads the last one, in random order, through the use case.
  const order = Array.from({ length: MEMBERS }, (_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const reads = await sample(5000, 15_000, async (i) => {
    const r = await markRead(d, resident(order[i]!), { id: lastId })
    if (!r.ok) throw new Error(r.message)
  })
  // The rest of the marks straight into the file (the use case's cost is 7c).
  const db = new Database(join(dir, 'jiefang.sqlite'))
  const mark = db.prepare('INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const markUpTo = (from: number, to: number) =>
    db.transaction(() => {
      for (let i = from; i < to; i++) mark.run(lastId, member(order[i]!), new Date().toISOString())
    })()
  const half = Math.floor(MEMBERS / 2)
  markUpTo(reads.length, half)
  const receipt = async (wantRead: number) => {
    const r = await receipts(d, disp, { id: lastId })
    if (!r.ok || r.receipts.roster !== MEMBERS || r.receipts.read !== wantRead || r.receipts.unread.length === 0) throw new Error(`bad receipt: ${JSON.stringify(r).slice(0, 200)}`)
  }
  const halfRead = await sample(30, 20_000, () => receipt(half))
  markUpTo(half, MEMBERS - 20)
  db.close()
  const nearlyAll = await sample(30, 20_000, () => receipt(MEMBERS - 20))
  await d.store.close()

  const p = summarize(publishing)
  const f = summarize(feed)
  const m = summarize(reads)
  const h = summarize(halfRead)
  const n = summarize(nearlyAll)
  const ctx = (s: ReturnType<typeof summarize>) => ({ samples: s.n, p50Ms: r3(s.p50), maxMs: r3(s.max), members: MEMBERS, grids: GRIDS.length })
  return {
    figures: [
      figure('7a', `street-wide emergency publish to ${MEMBERS} members p99`, r3(p.p99), 'ms', { op: '<=', value: 50 }, ctx(p)),
      figure('7b', "a member's feed (20 + pinned emergencies) p99", r3(f.p99), 'ms', { op: '<=', value: 1 }, ctx(f)),
      figure('7c', 'mark read p99', r3(m.p99), 'ms', null, ctx(m)),
      figure('7d', 'receipt summary, half the street read, p99', r3(h.p99), 'ms', { op: '<=', value: 100 }, ctx(h)),
      figure('7e', 'receipt summary, all but 20 read, p99', r3(n.p99), 'ms', { op: '<=', value: 100 }, ctx(n)),
    ],
  }
}

run(main)
