/**
 * Figure 5: cloud function cold start. For each cloudfunctions/<name>/index.js a fresh Node
 * process requires the bundle and answers one call on SQLite (local mode, a seeded temp
 * DATA_DIR, a signed session in the context as the local server forwards it). Reported per
 * function: require + first call, median of several fresh processes, and the bundle's bytes.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions } from '../../backend/adapters/local/session'
import { gridCentre } from '../../backend/seed/demoOrg'
import { seedDemo } from '../../backend/seed/seed'
import { log, ROOT, run, tempDir } from '../lib/proc'
import { figure, median, type Figure } from '../lib/stats'

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5)
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** One representative call per function, by a user who may make it. */
const CALLS: Record<string, { user: string; event: unknown }> = {
  session: { user: 'demo-resident', event: { action: 'me', data: {} } },
  reports: { user: 'demo-resident', event: { action: 'mine', data: {} } },
  files: { user: 'demo-resident', event: { action: 'upload', data: { contentBase64: PNG_1PX, contentType: 'image/png' } } },
  cases: { user: 'demo-dispatcher', event: { action: 'queue', data: { limit: 20 } } },
  inbox: { user: 'demo-resident', event: { action: 'list', data: {} } },
  mediation: { user: 'demo-resident', event: { action: 'mine', data: {} } },
  grid: { user: 'demo-resident', event: { action: 'find', data: gridCentre(0, 1) } },
  'sla-timer': { user: 'demo-resident', event: { Type: 'Timer', TriggerName: 'bench' } },
}

const DRIVER = `
const t0 = performance.now()
const fn = require(process.env.FN_FILE)
const t1 = performance.now()
Promise.resolve(fn.main(JSON.parse(process.env.FN_EVENT), { requestId: 'bench', jiefangLocal: { authorization: process.env.FN_AUTH } })).then((r) => {
  const t2 = performance.now()
  process.stdout.write(JSON.stringify({ bootMs: t0, loadMs: t1 - t0, callMs: t2 - t1, ok: r.ok === true, code: r.code ?? null }))
  process.exit(0)
})
`

interface Sample {
  bootMs: number
  loadMs: number
  callMs: number
  ok: boolean
  code: string | null
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
  let worst = 0
  for (const name of names) {
    const file = join(fnRoot, name, 'index.js')
    const call = CALLS[name] ?? { user: 'demo-resident', event: { action: '__bench_no_call_defined__' } }
    const auth = `Bearer ${sessions.issue(call.user)}`
    const samples: Sample[] = []
    for (let i = 0; i < RUNS; i++) samples.push(await once(file, call.event, auth, dataDir))
    const refused = samples.find((s) => !s.ok && (name in CALLS))
    if (refused) throw new Error(`${name}: the bench call was refused (${refused.code})`)
    const total = median(samples.map((s) => s.loadMs + s.callMs))
    worst = Math.max(worst, total)
    const ctx = { bundleBytes: statSync(file).size, requireMs: round(median(samples.map((s) => s.loadMs))), firstCallMs: round(median(samples.map((s) => s.callMs))), nodeBootMs: round(median(samples.map((s) => s.bootMs))), runs: RUNS, call: name in CALLS ? (call.event as { action?: string }).action ?? 'timer' : 'none defined (unknown action answered)' }
    log(`${name}: ${total.toFixed(1)} ms (require ${ctx.requireMs}, call ${ctx.firstCallMs}), ${ctx.bundleBytes} B`)
    figures.push(figure(`5.${name}`, `cold start ${name} (${Math.round(ctx.bundleBytes / 1024)} KB bundle)`, total, 'ms', { op: '<=', value: 100 }, ctx))
  }
  return { figures, skipped: [] }
}

function round(x: number): number {
  return Math.round(x * 10) / 10
}

run(main)
