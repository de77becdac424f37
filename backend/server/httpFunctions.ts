import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HttpAccessEvent, HttpAccessResult } from '../functions/httpFunction'
import type { FunctionMain } from './functions'
import { BodyTooLarge, readBody, refuseTooLarge, sendJson } from './http'

const MAX_BODY_BYTES = 2 * 1024 * 1024

/**
 * Runs an HTTP function the way CloudBase's HTTP access service does: the request becomes its
 * integration event (body base64-encoded, every query value kept), its result the response.
 */
export async function serveHttpFunction(req: IncomingMessage, res: ServerResponse, url: URL, base: string, main: FunctionMain | undefined): Promise<void> {
  if (!main) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '接口不存在' })
  let body: Buffer
  try {
    body = await readBody(req, MAX_BODY_BYTES)
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuseTooLarge(req, res, { ok: false, code: 'VALIDATION', message: '请求内容过大' })
    throw e
  }
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key)
    query[key] = all.length === 1 ? all[0]! : all
  }
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v
  const event: HttpAccessEvent = {
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    queryStringParameters: query,
    body: body.toString('base64'),
    isBase64Encoded: true,
    jiefangBase: base,
  }
  const out = (await main(event, {})) as HttpAccessResult
  const bytes = out.isBase64Encoded ? Buffer.from(out.body, 'base64') : Buffer.from(out.body, 'utf8')
  res.writeHead(out.statusCode, { ...out.headers, 'content-length': String(bytes.length) })
  res.end(req.method === 'HEAD' ? undefined : bytes)
}
