/**
 * The local server's edges: undecodable paths are a 400 (no error logged), an oversized body is a
 * 413 that closes its connection without reading the rest, timers are not callable by clients
 * (the server's own scheduler and POST /api/dev/clock run them), and the database files and the
 * data directory are the server user's only.
 */
import { request, type IncomingMessage } from 'node:http'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { login, startServer, type RunningServer } from '../support/server'

let srv: RunningServer
beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
})
afterAll(async () => {
  if (process.env.SHOW_SERVER) console.log(srv.output())
  await srv?.stop()
})

interface Answer {
  status: number
  headers: IncomingMessage['headers']
  body: string
  /** The client's error after the answer (the server closing while it still wrote), if any. */
  writeError?: string
}

/**
 * One request on its own connection. `chunks` bytes are written in 64 KiB pieces (chunked when no
 * length is declared); resolves when the answer is read and the socket has closed or been freed.
 */
function raw(method: string, path: string, opts: { chunks?: number; declare?: number; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { port, hostname } = new URL(srv.url)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${method} ${path}: no answer in 10 s`)), 10_000)
    let writeError: string | undefined
    const req = request({ host: hostname, port, method, path, agent: false, headers: { ...(opts.declare !== undefined ? { 'content-length': String(opts.declare) } : {}), ...opts.headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => {
        clearTimeout(timer)
        resolve({ status: res.statusCode!, headers: res.headers, body, writeError })
      })
    })
    req.on('error', (e) => {
      // Writing into a connection the server closed fails after its answer arrived; before it, it is a failure.
      writeError = (e as NodeJS.ErrnoException).code ?? e.message
    })
    const total = opts.chunks ?? 0
    const piece = Buffer.alloc(64 * 1024, 0x61)
    let sent = 0
    const pump = () => {
      while (sent < total) {
        const n = Math.min(piece.length, total - sent)
        sent += n
        if (!req.write(piece.subarray(0, n))) return void req.once('drain', pump)
      }
      req.end()
    }
    if (total > 0) pump()
    else req.end()
  })
}

describe('paths that do not decode', () => {
  it.each(['/%', '/%E0%A4%A', '/api/fn/%', '/api/files/%zz'])('GET %s is a 400 and logs no error', async (path) => {
    const before = srv.output().length
    const r = await raw('GET', path)
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'VALIDATION', message: '请求地址格式错误' })
    expect(srv.output().slice(before)).not.toMatch(/"level":"error"/)
  })
})

describe('a body over the limit', () => {
  const NINE_MB = 9 * 1024 * 1024

  it('is refused with 413 and Connection: close before a byte is read when its length says so', async () => {
    const r = await raw('POST', '/api/fn/session', { declare: NINE_MB, chunks: NINE_MB, headers: { 'content-type': 'application/json' } })
    expect(r.status).toBe(413)
    expect(r.headers.connection).toBe('close')
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'VALIDATION', message: '请求内容过大' })
  })

  it('is refused with 413 and Connection: close where a chunked body crosses the limit', async () => {
    const r = await raw('POST', '/api/fn/session', { chunks: NINE_MB, headers: { 'content-type': 'application/json' } })
    expect(r.status).toBe(413)
    expect(r.headers.connection).toBe('close')
  })

  it('leaves the server answering the next request at once, on a new connection', async () => {
    await raw('POST', '/api/dev/login', { chunks: 8192 })
    const started = Date.now()
    const r = await raw('GET', '/healthz')
    expect(r.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(srv.output()).not.toMatch(/"level":"error"/)
  })
})

describe('timers', () => {
  it('are not callable by clients, signed in or not', async () => {
    const token = await login(srv.url, 'demo-admin')
    for (const name of ['sla-timer', 'rental-timer']) {
      for (const auth of [{}, { authorization: `Bearer ${token}` }] as Array<Record<string, string>>) {
        const res = await fetch(`${srv.url}/api/fn/${name}`, { method: 'POST', headers: auth, body: JSON.stringify({ Type: 'Timer', TriggerName: 'every-minute' }) })
        expect(res.status).toBe(404)
        expect(await res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      }
    }
  })

  it('still run through POST /api/dev/clock, from the server\'s own scheduler', async () => {
    const res = await fetch(`${srv.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: 0 }) })
    const body = await res.json()
    expect(body.timers).toMatchObject({ 'sla-timer': { ok: true }, 'rental-timer': { ok: true } })
  })

  it('are not callable with dev sign-in off either, and its interval still runs them', async () => {
    const off = await startServer({ env: { JIEFANG_DEV_LOGIN: 'off', JIEFANG_TIMER_MS: '50' } })
    try {
      for (const name of ['sla-timer', 'rental-timer']) {
        const res = await fetch(`${off.url}/api/fn/${name}`, { method: 'POST', body: '{}' })
        expect(res.status).toBe(404)
      }
      expect((await fetch(`${off.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: 1 }) })).status).toBe(404)
      await new Promise((r) => setTimeout(r, 400))
      expect(off.output()).not.toMatch(/refused a timer call/)
    } finally {
      await off.stop()
    }
  })
})

describe('file modes', () => {
  it('keeps the database, its WAL and SHM 0600 and the data directory 0700', async () => {
    // A write makes sure the WAL exists.
    await login(srv.url, 'demo-resident')
    await fetch(`${srv.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: 0 }) })
    const mode = (p: string) => statSync(p).mode & 0o777
    expect(mode(srv.dataDir)).toBe(0o700)
    for (const f of ['jiefang.sqlite', 'jiefang.sqlite-wal', 'jiefang.sqlite-shm']) expect([f, mode(join(srv.dataDir, f))]).toEqual([f, 0o600])
  })
})
