/**
 * Figure 5: cloud function cold start. For each cloudfunctions/<name>/index.js a fresh Node
 * process requires the bundle and answers one call on SQLite (local mode, a seeded temp
 * DATA_DIR, a signed session in the context as the local server forwards it). Reported per
 * function: require + first call, median of several fresh processes (5.<name>), and the deployed
 * bundle's bytes (5.<name>.size). Local mode also loads local.js beside the bundle (the SQLite
 * adapter, never deployed to run): its bytes are in the context, and its load is in the time.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions } from '../../backend/adapters/local/session'
import { gridCentre } from '../../backend/seed/demoOrg'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { seedDemo } from '../../backend/seed/seed'
import { log, ROOT, run, tempDir } from '../lib/proc'
import { figure, median, type Figure } from '../lib/stats'

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5)
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** Issue 21: each bundle at most 250 KB, its cold start (load + first answer) median at most 50 ms. */
const BUDGET = { bytes: 250 * 1024, ms: 50 }

/**
 * One representative call per function, by a user who may make it, and the answer it must give
 * (default `ok: true`): the HTTP functions answer an HTTP result; voip has no video session in the
 * seed, so its sign is refused as NOT_FOUND after reading the case.
 */
const CALLS: Record<string, { user: string | null; event: unknown; answer?: { ok?: boolean; code?: string; statusCode?: number } }> = {
  session: { user: 'demo-resident', event: { action: 'me', data: {} } },
  reports: { user: 'demo-resident', event: { action: 'mine', data: {} } },
  files: { user: 'demo-resident', event: { action: 'upload', data: { contentBase64: PNG_1PX, contentType: 'image/png' } } },
  cases: { user: 'demo-dispatcher', event: { action: 'queue', data: { limit: 20 } } },
  inbox: { user: 'demo-resident', event: { action: 'list', data: {} } },
  mediation: { user: 'demo-resident', event: { action: 'mine', data: {} } },
  help: { user: 'demo-resident', event: { action: 'mine', data: {} } },
  grid: { user: 'demo-resident', event: { action: 'find', data: gridCentre(0, 1) } },
  admin: { user: 'demo-admin', event: { action: 'units', data: {} } },
  account: { user: 'demo-resident', event: { action: 'profile', data: {} } },
  integrations: { user: 'demo-admin', event: { action: 'partners', data: {} } },
  rental: { user: 'demo-resident', event: { action: 'building', data: { code: DEMO_BUILDING_CODE } } },
  voip: { user: 'demo-resident', event: { action: 'sign', data: { id: '01JF0000000000000000000000', sessionId: 's-1' } }, answer: { ok: false, code: 'NOT_FOUND' } },
  open311: { user: null, event: { path: '/open311/v2/services.xml', httpMethod: 'GET', headers: {}, queryStringParameters: {} }, answer: { statusCode: 200 } },
  hotline: { user: null, event: { path: '/hotline/v1/orders', httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, answer: { statusCode: 401 } },
  'sla-timer': { user: null, event: { Type: 'Timer', TriggerName: 'bench' } },
  'rental-timer': { user: null, event: { Type: 'Timer', TriggerName: 'bench' } },
}

const DRIVER = `
const t0 = performance.now()
const fn = require(process.env.FN_FILE)
const t1 = performance.now()
const context = process.env.FN_AUTH ? { requestId: 'bench', jiefangLocal: { authorization: process.env.FN_AUTH } } : {}
Promise.resolve(fn.main(JSON.parse(process.env.FN_EVENT), context)).then((r) => {
  const t2 = performance.now()
  process.stdout.write(JSON.stringify({ bootMs: t0, loadMs: t1 - t0, callMs: t2 - t1, ok: r.ok ?? null, code: r.code ?? null, statusCode: r.statusCode ?? null }))
  process.exit(0)
})
`

interface Sample {
  bootMs: number
  loadMs: number
  callMs: number
  ok: boolean | null
  code: string | null
  statusCode: number | null
}

function once(file: string, event: unknown, auth: string, dataDir: string): Promise<Sample> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', DRIVER], {
      cwd: ROOT,
      env: { ...process.env, FN_FILE: file, FN_EVENT: JSON.stringify(event), FN_AUTH: auth, DATA_DIR: dataDir, JIEFANG_MODE: 'local' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr.on('data', (b: Buffer) => (err += b.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      try {
        if (code !== 0) throw new Error(`exit ${code}`)
        done(JSON.parse(out) as Sample)
      } catch (e) {
        fail(new Error(`${file}: ${(e as Error).message}\n${err}`))
      }
    })
  })
}

async function main(): Promise<{ figures: Figure[]; skipped: { id: string; reason: string }[] }> {
  const fnRoot = join(ROOT, 'cloudfunctions')
  const names = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'index.js'))).sort()
  if (names.length === 0) return { figures: [], skipped: [{ id: '5', reason: 'no cloudfunctions/*/index.js: run npm run build:functions' }] }
  const dataDir = tempDir('cold')
  const store = openSqliteStore(dataDir)
  await seedDemo(store)
  await store.close()
  const sessions = new LocalSessions(loadOrCreateSecret(dataDir))
  const figures: Figure[] = []
  for (const name of names) {
    const file = join(fnRoot, name, 'index.js')
    const call = CALLS[name]
    if (!call) throw new Error(`${name}: no bench call defined in bench/figures/coldstart.ts`)
    const auth = call.user ? `Bearer ${sessions.issue(call.user)}` : ''
    const samples: Sample[] = []
    for (let i = 0; i < RUNS; i++) samples.push(await once(file, call.event, auth, dataDir))
    const want = call.answer ?? { ok: true }
    const wrong = samples.find((s) => Object.entries(want).some(([k, v]) => s[k as keyof Sample] !== v))
    if (wrong) throw new Error(`${name}: the bench call answered ${JSON.stringify(wrong)}, expected ${JSON.stringify(want)}`)
    const total = median(samples.map((s) => s.loadMs + s.callMs))
    const bytes = statSync(file).size
    const local = join(fnRoot, name, 'local.js')
    const ctx = {
      bundleBytes: bytes,
      localAdaptersBytes: existsSync(local) ? statSync(local).size : 0,
      requireMs: round(median(samples.map((s) => s.loadMs))),
      firstCallMs: round(median(samples.map((s) => s.callMs))),
      nodeBootMs: round(median(samples.map((s) => s.bootMs))),
      runs: RUNS,
      call: (call.event as { action?: string }).action ?? (call.event as { path?: string }).path ?? 'timer',
    }
    log(`${name}: ${total.toFixed(1)} ms (require ${ctx.requireMs}, call ${ctx.firstCallMs}), ${bytes} B (+ local.js ${ctx.localAdaptersBytes} B)`)
    figures.push(figure(`5.${name}`, `cold start ${name} (${Math.round(bytes / 1024)} KB bundle)`, total, 'ms', { op: '<=', value: BUDGET.ms }, ctx))
    figures.push(figure(`5.${name}.size`, `bundle ${name} (deployed index.js)`, round(bytes / 1024), 'KB', { op: '<=', value: BUDGET.bytes / 1024 }, { bytes }))
  }
  return { figures, skipped: [] }
}

function round(x: number): number {
  return Math.round(x * 10) / 10
}

run(main)
