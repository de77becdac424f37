import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { ROLE_LABELS, ROLES } from '../../src/core/roles'
import { LocalFileStore } from '../adapters/local/files'
import { loadOrCreateSecret } from '../adapters/local/secret'
import { LocalSessions } from '../adapters/local/session'
import type { Host } from '../host'
import type { Store } from '../ports'
import { mountOf } from '../functions/httpMounts'
import { loadFunctions, type FunctionMain } from './functions'
import { BodyTooLarge, decodedPath, readBody, refuseTooLarge, sendJson } from './http'
import { serveHttpFunction } from './httpFunctions'
import { serveStatic } from './static'

export interface ServerOptions {
  dataDir: string
  store: Store
  /** The clock, data epoch and open stores every function bundle of this server shares. */
  host: Host
  functionsRoot: string
  staticRoot: string
  /** Dev sign-in exists only for the local demo; production identity comes from WeChat. */
  devLogin: boolean
  /** How often the timers (`*-timer` functions) run locally; 0 turns them off. */
  timerMs: number
}

const MAX_EVENT_BYTES = 8 * 1024 * 1024
const DEV_OPENID = /^dev-[A-Za-z0-9_-]{2,60}$/
const FN_PATH = /^\/api\/fn\/([a-z][a-z0-9-]*)$/
const TOO_LARGE = { ok: false, code: 'VALIDATION', message: '请求内容过大' }

/** The local stand-in for CloudBase: each function at POST /api/fn/<name>, plus the H5 build. */
export function createAppServer(opts: ServerOptions): Server {
  const secret = loadOrCreateSecret(opts.dataDir)
  const sessions = new LocalSessions(secret)
  const files = new LocalFileStore(resolve(opts.dataDir, 'files'), secret)
  const fns: Map<string, FunctionMain> = loadFunctions(opts.functionsRoot, opts.host)
  /** The local stand-ins for CloudBase timer triggers: every function named `*-timer`. */
  const timerFns = [...fns].filter(([name]) => name.endsWith('-timer')).sort(([a], [b]) => a.localeCompare(b))

  /** POST /api/fn/<name>: the function's event is the JSON body, its caller the Authorization header. */
  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'VALIDATION', message: '请使用 POST' })
    // Timers run only from this server's own scheduler below, never for a client.
    const main = name.endsWith('-timer') ? undefined : fns.get(name)
    if (!main) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '云函数不存在' })
    let event: unknown
    try {
      event = JSON.parse((await readBody(req, MAX_EVENT_BYTES)).toString('utf8') || '{}')
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseTooLarge(req, res, TOO_LARGE)
      return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '请求格式错误' })
    }
    const context = { requestId: randomUUID(), jiefangLocal: { authorization: req.headers.authorization ?? null, origin: requestOrigin(req) } }
    const result = await main(event, context)
    const code = (result as { code?: string }).code
    return sendJson(res, code === 'UNAUTHENTICATED' ? 401 : 200, result)
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A plain function path is already what URL parsing would make of it (no query, dot segment
    // or escape), so the calls skip that parse, which showed on every submit in the profile.
    const direct = FN_PATH.exec(req.url ?? '')
    if (direct) return callFunction(direct[1]!, req, res)
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname
    if (decodedPath(path) === null) return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '请求地址格式错误' })
    if (path === '/healthz') return sendJson(res, 200, { ok: true, functions: [...fns.keys()] })
    const fnMatch = FN_PATH.exec(path)
    if (fnMatch) return callFunction(fnMatch[1]!, req, res)
    const fileMatch = /^\/api\/files\/([0-9A-Z]{26})$/.exec(path)
    if (fileMatch && req.method === 'GET') {
      const id = fileMatch[1]!
      if (!files.verifyUrl(id, Number(url.searchParams.get('exp')), url.searchParams.get('sig') ?? '')) {
        return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: '链接已失效' })
      }
      const meta = await opts.store.getFileMeta(id)
      const bytes = meta ? await files.get(meta.storageKey) : null
      if (!meta || !bytes) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' })
      res.writeHead(200, { 'content-type': meta.contentType, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' })
      res.end(bytes)
      return
    }
    // The outside systems' endpoints (Open311, 12345): HTTP functions, as CloudBase's HTTP access service runs them.
    const mount = mountOf(path)
    if (mount) return serveHttpFunction(req, res, url, mount.base, fns.get(mount.fn))
    if (path.startsWith('/api/dev/')) {
      if (!opts.devLogin) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '不存在' })
      if (path === '/api/dev/users' && req.method === 'GET') {
        const units = new Map((await opts.store.listUnits()).map((u) => [u.code, u.name]))
        const rank = (u: { grants: { role: (typeof ROLES)[number] }[] }) => ROLES.indexOf(u.grants[0]?.role ?? 'admin')
        const users = (await opts.store.listUsers()).filter((u) => u.id.startsWith('demo-')).sort((a, b) => rank(a) - rank(b))
        return sendJson(res, 200, {
          ok: true,
          users: users.map((u) => ({
            id: u.id,
            name: u.name,
            roles: u.grants.map((g) => ({ role: g.role, roleLabel: ROLE_LABELS[g.role], unitName: units.get(g.unitCode) ?? g.unitCode })),
          })),
        })
      }
      if (path === '/api/dev/clock' && req.method === 'POST') {
        // Moves local time forward and runs the SLA timer at once: the demo of overdue and escalation.
        let hours: unknown
        try {
          hours = JSON.parse((await readBody(req, 4096)).toString('utf8')).advanceHours
        } catch (e) {
          if (e instanceof BodyTooLarge) return refuseTooLarge(req, res, TOO_LARGE)
          return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '请求格式错误' })
        }
        if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 365) {
          return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: 'advanceHours 应为 0–8760 的数字' })
        }
        opts.host.advanceClock(hours * 3600 * 1000)
        // Every timer runs once, in name order; `tick` stays the SLA timer's report.
        const timers: Record<string, unknown> = {}
        for (const [name, timer] of timerFns) timers[name] = await timer({ Type: 'Timer', TriggerName: 'dev-clock' }, {})
        return sendJson(res, 200, { ok: true, now: opts.host.clock.now().toISOString(), tick: timers['sla-timer'] ?? null, timers })
      }
      if (path === '/api/dev/login' && req.method === 'POST') {
        let userId: unknown
        let openid: unknown
        try {
          ;({ userId, openid } = JSON.parse((await readBody(req, 4096)).toString('utf8')))
        } catch (e) {
          if (e instanceof BodyTooLarge) return refuseTooLarge(req, res, TOO_LARGE)
          return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '请求格式错误' })
        }
        // "A new WeChat user": a session carrying only an OPENID, as CloudBase's context would.
        if (openid !== undefined) {
          if (typeof openid !== 'string' || !DEV_OPENID.test(openid)) return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: 'openid 应为 dev- 开头的 6–64 位字母数字' })
          return sendJson(res, 200, { ok: true, token: sessions.issueOpenid(openid) })
        }
        const user = typeof userId === 'string' ? await opts.store.getUser(userId) : null
        if (!user) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '演示用户不存在' })
        return sendJson(res, 200, { ok: true, token: sessions.issue(user.id) })
      }
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '不存在' })
    }
    if (path.startsWith('/api/')) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '接口不存在' })
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, code: 'VALIDATION', message: '不支持的请求' })
    serveStatic(opts.staticRoot, path, res)
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      console.error(JSON.stringify({ level: 'error', requestId: randomUUID(), msg: e instanceof Error ? e.message : 'unknown', path: req.url?.split('?')[0] }))
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '系统出错，请稍后重试' })
      else res.end()
    })
  })
  // The local stand-in for the CloudBase timer triggers: each timer in turn, never overlapping.
  if (timerFns.length > 0 && opts.timerMs > 0) {
    let running = false
    const handle = setInterval(() => {
      if (running) return
      running = true
      void (async () => {
        for (const [, timer] of timerFns) await timer({ Type: 'Timer', TriggerName: 'local-interval' }, {}).catch(() => undefined)
      })().finally(() => (running = false))
    }, opts.timerMs)
    handle.unref()
    server.on('close', () => clearInterval(handle))
  }
  return server
}

/** Where the client reached this server (a proxy in front says https), for the H5 links printed as QR codes. */
function requestOrigin(req: IncomingMessage): string | null {
  const host = req.headers.host
  if (!host) return null
  return `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${host}`
}
