import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')

export interface RunningServer {
  url: string
  dataDir: string
  proc: ChildProcess
  output(): string
  stop(): Promise<void>
  /** kill -9, as a crash would. */
  crash(): Promise<void>
}

/**
 * Starts the real local server (`<root>/dist-server/server.js`: this tree's build, or another checkout's)
 * on a free port over a temp DATA_DIR.
 */
export async function startServer(opts: { dataDir?: string; env?: Record<string, string>; root?: string } = {}): Promise<RunningServer> {
  const root = opts.root ?? ROOT
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'jf-test-'))
  const proc = spawn(process.execPath, [join(root, 'dist-server/server.js')], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, JIEFANG_MODE: 'local', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()))
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()))
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 20_000)
    proc.stdout!.on('data', () => {
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1]!)
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`server exited with ${code}:\n${out}`))
    })
  })
  const exited = new Promise<void>((ok) => proc.on('exit', () => ok()))
  return {
    url,
    dataDir,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM')
      await exited
    },
    async crash() {
      proc.kill('SIGKILL')
      await exited
    },
  }
}

export interface Client {
  token: string | null
  call(fn: string, action: string, data?: unknown): Promise<any>
}

export async function login(url: string, userId: string): Promise<string> {
  const res = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) })
  const body = (await res.json()) as { ok: boolean; token: string }
  if (!body.ok) throw new Error(`login failed for ${userId}`)
  return body.token
}

export function client(url: string, token: string | null): Client {
  return {
    token,
    async call(fn, action, data) {
      const res = await fetch(`${url}/api/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ action, data }),
      })
      return res.json()
    },
  }
}

export async function as(url: string, userId: string): Promise<Client> {
  return client(url, await login(url, userId))
}

/** A client signed in as a brand-new (or returning) WeChat identity through the dev login. */
export async function asOpenid(url: string, openid: string): Promise<Client> {
  const res = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) })
  const body = (await res.json()) as { ok: boolean; token: string }
  if (!body.ok) throw new Error(`openid login failed for ${openid}`)
  return client(url, body.token)
}

/**
 * One local server for a suite (timers off unless `env` says otherwise), with the demo `users`
 * signed in before its tests; stopped after them. `signedIn` gets their clients in the order given.
 */
export function serverWithUsers(
  users: readonly string[],
  signedIn: (clients: Client[]) => void,
  env: Record<string, string> = { JIEFANG_TIMER_MS: '0' },
): { readonly srv: RunningServer } {
  const world = {} as { srv: RunningServer }
  beforeAll(async () => {
    world.srv = await startServer({ env })
    signedIn(await Promise.all(users.map((u) => as(world.srv.url, u))))
  })
  afterAll(async () => {
    await world.srv?.stop()
  })
  return world
}

/** Runs `body` against a server of its own (timers off), for a test that moves that server's clock. */
export async function onOwnServer<T>(body: (own: RunningServer) => Promise<T>): Promise<T> {
  const own = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  try {
    return await body(own)
  } finally {
    await own.stop()
  }
}
