import { randomUUID } from 'node:crypto'
import { deps, type Deps } from '../runtime'
import type { HttpRequest, HttpResponse } from '../usecases/shared/httpWire'

export type { HttpRequest, HttpResponse } from '../usecases/shared/httpWire'

/** The event CloudBase's HTTP access service passes (integration request), and the local server too. */
export interface HttpAccessEvent {
  path?: string
  httpMethod?: string
  headers?: Record<string, string | undefined>
  queryStringParameters?: Record<string, string | string[] | undefined>
  body?: string
  isBase64Encoded?: boolean
  /** Set by the local server: the route the function is mounted on. */
  jiefangBase?: string
}

/** What the HTTP access service expects back from an integration function. */
export interface HttpAccessResult {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: boolean
}

const MAX_BODY_CHARS = 2 * 1024 * 1024

/** Parses the platform event into an HttpRequest below `base`; null when the path lies outside it. */
export function requestOf(event: HttpAccessEvent, base: string): HttpRequest | null {
  const mount = event.jiefangBase ?? base
  const full = event.path ?? '/'
  // The platform passes the whole path (the configured route included) or only the part below it.
  const below = full === mount || full.startsWith(`${mount}/`) ? full.slice(mount.length) : full
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(event.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v
  const query: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) if (v !== undefined) query[k] = v
  const raw = event.body ?? ''
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw
  if (body.length > MAX_BODY_CHARS) return null
  return { method: (event.httpMethod ?? 'GET').toUpperCase(), path: below || '/', query, headers, body, base: mount }
}

function resultOf(r: HttpResponse): HttpAccessResult {
  if (typeof r.body === 'string') return { statusCode: r.status, headers: r.headers, body: r.body, isBase64Encoded: false }
  return { statusCode: r.status, headers: r.headers, body: Buffer.from(r.body).toString('base64'), isBase64Encoded: true }
}

/**
 * An HTTP function's `main`: never throws to the platform. `onError` writes the protocol's own
 * error document (Open311's <errors>, the hotline's JSON) for a body too large or a crash.
 */
export function defineHttpFunction(
  name: string,
  base: string,
  handle: (d: Deps, req: HttpRequest) => Promise<HttpResponse>,
  onError: (status: 400 | 413 | 500 | 503, message: string, req: HttpRequest | null) => HttpResponse,
) {
  return async function main(event: unknown): Promise<HttpAccessResult> {
    const requestId = randomUUID()
    const ev = (typeof event === 'object' && event !== null ? event : {}) as HttpAccessEvent
    if (typeof ev.body === 'string' && ev.body.length > MAX_BODY_CHARS * 2) return resultOf(onError(413, '请求内容过大', null))
    const req = requestOf(ev, base)
    if (!req) return resultOf(onError(413, '请求内容过大', null))
    try {
      const d = deps()
      await d.refreshConfig?.()
      return resultOf(await handle(d, req))
    } catch (e) {
      if (e instanceof Error && e.name === 'StoreUnavailableError') return resultOf(onError(503, '系统繁忙，请稍后重试', req))
      // The class and message only: bodies carry personal data.
      console.error(JSON.stringify({ level: 'error', fn: name, requestId, msg: e instanceof Error ? `${e.name}: ${e.message}` : 'non-error thrown' }))
      return resultOf(onError(500, `系统出错，请稍后重试（编号 ${requestId.slice(0, 8)}）`, req))
    }
  }
}
