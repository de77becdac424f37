/**
 * `npm run bench`: runs each figure script in its own Node process (a fresh heap, its own
 * temp dir, nothing left behind), prints the table and writes bench/results.json. Exits
 * non-zero when the mini-program is above WeChat's caps or a figure script failed.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { arch, cpus, loadavg, platform, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { SERVER_NODE_FLAGS } from '../backend/server/nodeFlags'
import { latestEarlier, regressionLines, regressions } from './lib/regressions'
import { results, table, type FigureReport, type Results } from './lib/stats'

/** In run order; the slowest (1,000,000 cases) last but one so a failure elsewhere shows early. */
export const SCRIPTS = [
  { name: 'weapp', timeoutS: 60 },
  { name: 'coldstart', timeoutS: 120 },
  { name: 'submit', timeoutS: 180 },
  { name: 'h5', timeoutS: 120 },
  { name: 'grid', timeoutS: 120 },
  { name: 'roundtrips', timeoutS: 180 },
  { name: 'queue', timeoutS: 360 },
]

const ROOT = resolve(process.env.BENCH_ROOT ?? process.cwd())
const BUILD = process.env.BENCH_BUILD ?? __dirname

function runScript(name: string, timeoutS: number, outFile: string): Promise<{ ok: boolean; reason?: string }> {
  return new Promise((done) => {
    const started = Date.now()
    process.stderr.write(`\n▶ ${name}\n`)
    // The server's V8 flags: figures 2 and 7 time the use cases in this process as the server runs them.
    const child = spawn(process.execPath, ['--max-old-space-size=2048', ...SERVER_NODE_FLAGS, join(BUILD, 'figures', `${name}.cjs`)], {
      cwd: ROOT,
      env: { ...process.env, BENCH_OUT: outFile, BENCH_ROOT: ROOT },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutS * 1000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      process.stderr.write(`  ${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
      if (code === 0) done({ ok: true })
      else done({ ok: false, reason: signal ? `killed (${signal}) after ${timeoutS} s limit` : `exited with ${code}` })
    })
  })
}

/** The latest earlier figures, from the results file this run will replace (none on a first run). */
function readEarlier(): Results['previous'] {
  const file = join(ROOT, 'bench', 'results.json')
  if (!existsSync(file)) return {}
  try {
    return latestEarlier(JSON.parse(readFileSync(file, 'utf8')) as Partial<Results>)
  } catch {
    process.stderr.write('bench/results.json is unreadable: no earlier figures to compare with\n')
    return {}
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).find((a) => a.startsWith('--only='))?.slice(7).split(',')
  const started = Date.now()
  const work = mkdtempSync(join(tmpdir(), 'jf-bench-out-'))
  const out: Omit<Results, 'summary'> = {
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    machine: { platform: platform(), arch: arch(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) },
    figures: [],
    skipped: [],
    capViolations: [],
    plans: {},
    previous: readEarlier(),
  }
  let failed = false
  try {
    for (const s of SCRIPTS.filter((x) => !only || only.includes(x.name))) {
      const file = join(work, `${s.name}.json`)
      const r = await runScript(s.name, s.timeoutS, file)
      if (!r.ok) {
        failed = true
        out.skipped.push({ id: s.name, reason: r.reason ?? 'failed' })
        continue
      }
      const rep = JSON.parse(readFileSync(file, 'utf8')) as FigureReport
      out.figures.push(...rep.figures)
      out.skipped.push(...(rep.skipped ?? []))
      out.capViolations.push(...(rep.capViolations ?? []))
      Object.assign(out.plans, rep.plans ?? {})
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  out.durationMs = Date.now() - started
  const res = results(out)
  const worse = regressions(res.figures, res.previous)
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({ ...res, regressions: worse }, null, 2) + '\n')
  console.log(`\nJiefang bench — ${res.machine.cpus} × ${res.machine.cpuModel}, Node ${res.machine.node}, load ${res.machine.loadavg.join(' ')}\n`)
  console.log(table(res.figures))
  for (const [name, plan] of Object.entries(res.plans)) console.log(`\nplan ${name}:\n${plan.map((l) => `  ${l}`).join('\n')}`)
  for (const s of res.skipped) console.log(`\nnot measured: ${s.id} — ${s.reason}`)
  for (const v of res.capViolations) console.log(`\nABOVE WECHAT CAP: ${v}`)
  console.log(worse.length ? `\n${regressionLines(worse).join('\n')}` : `\nno figure worse than its previous run by more than 5 %${Object.keys(res.previous).length ? '' : ' (no previous run)'}`)
  console.log(`\n${res.summary.met}/${res.summary.withTarget} targets met${res.summary.missed.length ? `; missed: ${res.summary.missed.join(', ')}` : ''}. ${(res.durationMs / 1000).toFixed(0)} s. → bench/results.json`)
  process.exit(failed || res.capViolations.length > 0 ? 1 : 0)
}

void main()
