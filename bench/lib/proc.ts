/** Processes and temp dirs of a figure script: started here, always stopped and removed here. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SERVER_NODE_FLAGS } from '../../backend/server/nodeFlags'
import type { FigureReport } from './stats'

/** The repository root: the runner starts every figure script there. */
export const ROOT = resolve(process.env.BENCH_ROOT ?? process.cwd())

const children = new Set<ChildProcess>()
const dirs = new Set<string>()

export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `jf-bench-${prefix}-`))
  dirs.add(d)
  return d
}

export function cleanup(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  children.clear()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  dirs.clear()
}

process.on('exit', cleanup)
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130))

export interface Child {
  proc: ChildProcess
  output(): string
  stop(): Promise<void>
}

/** Spawns `node args` and resolves once stdout matches `ready` (its first group is returned). */
export async function startNode(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 30_000): Promise<Child & { match: string }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(proc)
  let out = ''
  proc.stdout!.on('data', (b: Buffer) => (out = (out + b.toString()).slice(-20_000)))
  proc.stderr!.on('data', (b: Buffer) => (out = (out + b.toString()).slice(-20_000)))
  const exited = new Promise<void>((ok) => proc.on('exit', () => ok()))
  const match = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ready line from ${args.join(' ')}:\n${out}`)), timeoutMs)
    proc.stdout!.on('data', () => {
      const m = ready.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1] ?? m[0])
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`${args.join(' ')} exited with ${code}:\n${out}`))
    })
  })
  return {
    proc,
    match,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killer)
      children.delete(proc)
    },
  }
}

/** The real local server (dist-server/server.js) on a free port over `dataDir`, SLA timer off. */
export function startServer(dataDir: string): Promise<Child & { match: string }> {
  // BENCH_PROFILE_DIR=<dir>: the server writes a .cpuprofile there when it stops (open in Chrome DevTools).
  const prof = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  return startNode([...prof, ...SERVER_NODE_FLAGS, join(ROOT, 'dist-server/server.js')], { PORT: '0', DATA_DIR: dataDir, JIEFANG_MODE: 'local', JIEFANG_TIMER_MS: '0' }, /running at (http:\/\/[\d.]+:\d+)/)
}

/** Progress goes to stderr so stdout stays the runner's table. */
export function log(msg: string): void {
  process.stderr.write(`  · ${msg}\n`)
}

/** Writes the script's figures where the runner asked, then exits (children and dirs cleaned). */
export function report(r: FigureReport): void {
  const out = process.env.BENCH_OUT
  if (out) writeFileSync(out, JSON.stringify(r))
  else console.log(JSON.stringify(r, null, 2))
}

export function run(main: () => Promise<FigureReport>): void {
  main()
    .then((r) => {
      report(r)
      cleanup()
      process.exit(0)
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e)
      cleanup()
      process.exit(1)
    })
}
