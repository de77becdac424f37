/**
 * Figures 1 and 3. (1) reports.submit through the local server at 64 connections against a
 * bare node:http server in the same run; (3) the raw better-sqlite3 insert ceiling and the
 * share of it the whole submit path reaches in-process.
 */
import { SERVER_NODE_FLAGS } from '../../backend/server/nodeFlags'
import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { caseToRow } from '../../backend/adapters/sqlite/cases'
import type { User } from '../../backend/ports'
import { openReport } from '../../src/core/kinds/report'
import { generateDistrict, DISTRICT, pointIn, rng } from '../lib/district'
import { cannon, type CannonResult } from '../lib/load'
import { log, ROOT, run, startNode, startServer, tempDir, type Child } from '../lib/proc'
import { figure, median, summarize, type Figure } from '../lib/stats'

const CONNECTIONS = 64
const SECONDS = Number(process.env.BENCH_SUBMIT_SECONDS ?? 10)
// Enough residents that none reaches the district's per-identity submit limit (30 per 10 minutes)
// in the run: the bench measures accepted reports, as a district's many reporters would send them.
const RESIDENTS = 2000
const CATEGORY = 'HJ01'

const district = generateDistrict()

function residents(): User[] {
  const at = new Date().toISOString()
  return Array.from({ length: RESIDENTS }, (_, i) => ({ id: `bench-resident-${i}`, name: `居民${i}`, phone: null, openid: null, grants: [{ role: 'resident' as const, unitCode: DISTRICT }], createdAt: at }))
}

async function loadDistrict(dir: string): Promise<void> {
  const store = openSqliteStore(dir)
  await store.putUnits(district.units)
  for (const u of residents()) await store.putUser(u)
  await store.close()
}

function submitBody(n: number, rand: () => number): string {
  const g = district.grids[Math.floor(rand() * district.grids.length)]!
  const p = pointIn(g, rand)
  return JSON.stringify({
    action: 'submit',
    data: { idempotencyKey: `bench-${n.toString(36).padStart(8, '0')}`, category: CATEGORY, description: '路灯不亮，晚上出行不便', photos: [], location: { ...p, address: '白云区某路 1 号' }, anonymous: false },
  })
}

const BASELINE = `
const http = require('node:http')
const body = JSON.stringify({ ok: true, case: { id: '01JBENCHBASELINE0000000000', status: 'submitted', statusLabel: '已上报', replayed: false } })
const s = http.createServer((req, res) => {
  req.resume()
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }); res.end(body) })
})
s.listen(0, '127.0.0.1', () => console.log('baseline at http://127.0.0.1:' + s.address().port))
`

async function baseline(seconds: number): Promise<CannonResult> {
  const srv = await startNode(['-e', BASELINE], {}, /baseline at (http:\/\/[\d.]+:\d+)/)
  try {
    return await cannon({ url: `${srv.match}/api/fn/reports`, connections: CONNECTIONS, seconds, body: () => submitBody(0, Math.random), token: () => 'x' })
  } finally {
    await srv.stop()
  }
}

/**
 * BENCH_SUBMIT_PROFILE=<file.cpuprofile>: a CPU profile of the server over the measured run only
 * (after the warm-up; no start-up, bundle loading or logins, which BENCH_PROFILE_DIR's whole-life
 * profile also holds). A preload starts V8's profiler at the first SIGUSR2 and writes the file at
 * the second. bench/README's breakdown of submit was taken this way.
 */
const PROFILE_HOOK = `
const inspector = require('node:inspector')
const session = new inspector.Session()
session.connect()
let on = false
process.on('SIGUSR2', () => {
  if (!on) {
    on = true
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')))
    return
  }
  session.post('Profiler.stop', (err, r) => {
    if (!err) require('node:fs').writeFileSync(process.env.BENCH_SUBMIT_PROFILE, JSON.stringify(r.profile))
    console.log('profile written')
  })
})
`

async function startSubmitServer(dir: string): Promise<Child & { match: string }> {
  if (!process.env.BENCH_SUBMIT_PROFILE) return startServer(dir)
  const hook = join(tempDir('profile-hook'), 'hook.cjs')
  writeFileSync(hook, PROFILE_HOOK)
  return startNode(['-r', hook, ...SERVER_NODE_FLAGS, join(ROOT, 'dist-server/server.js')], { PORT: '0', DATA_DIR: dir, JIEFANG_MODE: 'local', JIEFANG_TIMER_MS: '0' }, /running at (http:\/\/[\d.]+:\d+)/)
}

async function profiled<T>(srv: Child, measure: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_SUBMIT_PROFILE) return measure()
  srv.proc.kill('SIGUSR2')
  const out = await measure()
  srv.proc.kill('SIGUSR2')
  const until = Date.now() + 30_000
  while (!srv.output().includes('profile written') && Date.now() < until) await new Promise((ok) => setTimeout(ok, 100))
  log(`server profile of the measured run → ${process.env.BENCH_SUBMIT_PROFILE}`)
  return out
}

async function overHttp(): Promise<{ figures: Figure[] }> {
  const dir = tempDir('submit-http')
  await loadDistrict(dir)
  const before = await baseline(SECONDS)
  log(`baseline: ${before.rps.toFixed(0)} req/s`)
  const srv = await startSubmitServer(dir)
  let submit: CannonResult
  try {
    const tokens: string[] = []
    for (const u of residents()) {
      const r = await fetch(`${srv.match}/api/dev/login`, { method: 'POST', body: JSON.stringify({ userId: u.id }) })
      tokens.push(((await r.json()) as { token: string }).token)
    }
    let n = 0
    const rand = rng(9)
    const opts = { url: `${srv.match}/api/fn/reports`, connections: CONNECTIONS, body: () => submitBody(n++, rand), token: () => tokens[n % tokens.length]!, checkBody: true }
    await cannon({ ...opts, seconds: 2 }) // warm-up: JIT, statement cache, the org tree and its index
    submit = await profiled(srv, () => cannon({ ...opts, seconds: SECONDS }))
    log(`submit: ${submit.rps.toFixed(0)} req/s, p99 ${submit.p99} ms, refused ${submit.refused}, errors ${submit.errors}`)
  } finally {
    await srv.stop()
  }
  const after = await baseline(SECONDS)
  log(`baseline again: ${after.rps.toFixed(0)} req/s`)
  const base = (before.rps + after.rps) / 2
  const ctx = { connections: CONNECTIONS, seconds: SECONDS, grids: district.grids.length, submitRps: round(submit.rps), baselineRps: round(base), baselineRuns: [round(before.rps), round(after.rps)], baselineP99Ms: Math.max(before.p99, after.p99), requests: submit.requests, refusedAnswers: submit.refused, firstRefusal: submit.firstRefusal, transportErrors: submit.errors, non2xx: submit.non2xx }
  const healthy = submit.refused === 0 && submit.errors === 0 && submit.non2xx === 0
  return {
    figures: [
      figure('1a', 'submit over HTTP / bare node:http (req/s ratio)', healthy ? submit.rps / base : 0, '×', { op: '>=', value: 0.35 }, ctx),
      figure('1b', 'submit over HTTP p99 latency (64 conns)', submit.p99, 'ms', { op: '<=', value: 20 }, { p50Ms: submit.p50, p99Ms: submit.p99, maxMs: submit.max }),
      figure('1c', 'submit over HTTP throughput', submit.rps, 'req/s', null, { p50Ms: submit.p50 }),
    ],
  }
}

/** better-sqlite3 alone: one case row per transaction, WAL, synchronous NORMAL, the product schema. */
function rawCeiling(seconds: number): { rps: number; n: number } {
  const dir = tempDir('raw')
  openSqliteStore(dir).close()
  const db = new Database(join(dir, 'jiefang.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const cols = Object.keys(caseToRow(sampleCase(0)))
  const insert = db.prepare(`INSERT INTO cases (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
  const one = db.transaction((row: Record<string, unknown>) => insert.run(row))
  // Rows are made off the clock, a chunk at a time: the ceiling is SQLite's, not openReport's.
  let n = 0
  let spent = 0
  while (spent < seconds * 1000) {
    const chunk = Array.from({ length: 5000 }, (_, i) => caseToRow(sampleCase(n + i)) as unknown as Record<string, unknown>)
    const t = performance.now()
    for (const row of chunk) one(row)
    spent += performance.now() - t
    n += chunk.length
  }
  const rps = n / (spent / 1000)
  db.close()
  return { rps, n }
}

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
function fakeUlid(n: number): string {
  let s = ''
  for (let i = 0, v = n; i < 26; i++, v = Math.floor(v / 32)) s = ULID_CHARS[v % 32]! + s
  return s
}

function sampleCase(n: number) {
  const g = district.grids[n % district.grids.length]!
  return openReport({
    id: fakeUlid(n), eventId: fakeUlid(n + 1), creatorId: `bench-resident-${n % RESIDENTS}`, idempotencyKey: `raw-${n}`, category: CATEGORY, gridCode: g.code, now: new Date(), acceptHours: 24, creatorRole: 'resident',
    payload: { description: '路灯不亮，晚上出行不便', photos: [], location: { ...pointIn(g, Math.random), address: '白云区某路 1 号' }, anonymous: false },
  }).case
}

/** The whole submit use case in this process on SQLite, one call after another. */
async function inProcess(seconds: number): Promise<{ rps: number; lat: ReturnType<typeof summarize> }> {
  const dir = tempDir('submit-inproc')
  await loadDistrict(dir)
  process.env.DATA_DIR = dir
  process.env.JIEFANG_MODE = 'local'
  const { deps, useDeps } = await import('../../backend/runtime')
  const reports = await import('../../backend/usecases/report/submit')
  useDeps(undefined)
  const d = deps()
  const rand = rng(11)
  const actor = (i: number) => ({ userId: `bench-resident-${i % RESIDENTS}`, name: '', grants: [{ role: 'resident' as const, unitCode: DISTRICT }] })
  const call = async (i: number) => {
    const body = JSON.parse(submitBody(i, rand)) as { data: Parameters<typeof reports.submit>[2] }
    const r = await reports.submit(d, actor(i), body.data)
    if (!r.ok) throw new Error(`submit refused: ${r.message}`)
  }
  for (let i = 0; i < 500; i++) await call(1_000_000 + i)
  const xs: number[] = []
  const t0 = performance.now()
  let i = 0
  while (performance.now() - t0 < seconds * 1000) {
    const t = performance.now()
    await call(i++)
    xs.push(performance.now() - t)
  }
  const rps = i / ((performance.now() - t0) / 1000)
  await d.store.close()
  useDeps(undefined)
  return { rps, lat: summarize(xs) }
}

function round(x: number): number {
  return Math.round(x * 10) / 10
}

run(async () => {
  const only = process.env.BENCH_SUBMIT_PART
  const figures: Figure[] = []
  if (only !== 'raw') figures.push(...(await overHttp()).figures)
  if (only !== 'http') {
    // Three short rounds each, alternating, and medians: the machine is shared and noisy.
    const raws: number[] = []
    const subs: number[] = []
    let lat = summarize([])
    for (let k = 0; k < 3; k++) {
      raws.push(rawCeiling(2).rps)
      const s = await inProcess(2)
      subs.push(s.rps)
      lat = s.lat
    }
    const raw = median(raws)
    const sub = median(subs)
    log(`raw inserts ${raw.toFixed(0)}/s, in-process submit ${sub.toFixed(0)}/s`)
    figures.push(figure('3a', 'raw SQLite insert ceiling (1 row/tx, WAL)', raw, 'rows/s', null, { runs: raws.map(round) }))
    figures.push(figure('3b', 'submit in-process (whole use case)', sub, 'req/s', null, { runs: subs.map(round), p50Ms: round(lat.p50 * 1000) / 1000, p99Ms: round(lat.p99 * 1000) / 1000 }))
    figures.push(figure('3c', 'in-process submit / raw insert ceiling', sub / raw, '×', null))
  }
  return { figures }
})
