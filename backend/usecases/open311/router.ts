import type { Deps } from '../../deps'
import type { WireRequest as HttpRequest, WireResponse as HttpResponse } from './wire'
import { isRefusal, jurisdictionRefusal, partnerOf, readAllowed, type Refusal } from './access'
import { discoveryDoc } from './discovery'
import { errorResponse, list, respond, type Doc, type Format } from './document'
import { publishedPhoto } from './media'
import { postRequest } from './postRequest'
import { listRequests, oneRequest } from './requests'
import type { RequestContext } from './requestView'
import { serviceDefinitionDoc, servicesDoc } from './services'
import { tokenLookup } from './tokens'
import { listUpdates } from './updates'

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) below /open311/v2: the format is the
 * resource's suffix (`.xml`, `.json`; none is XML), errors are the specification's <errors>
 * document with the HTTP status in <code>. Discovery and services are open; requests, tokens and
 * updates need a partner's api_key (and count against its `open311.read` limit); media links are
 * open, as clients fetch them without a key.
 */
type Form = Record<string, string | string[]>

const ROUTES: Array<{ pattern: RegExp; methods: readonly string[] }> = [
  { pattern: /^discovery$/, methods: ['GET'] },
  { pattern: /^services$/, methods: ['GET'] },
  { pattern: /^services\/[^/]+$/, methods: ['GET'] },
  { pattern: /^requests$/, methods: ['GET', 'POST'] },
  { pattern: /^requests\/[^/]+$/, methods: ['GET'] },
  { pattern: /^tokens\/[^/]+$/, methods: ['GET'] },
  { pattern: /^servicerequestupdates$/, methods: ['GET'] },
]

/** The resource's segments without the format suffix, decoded; null when the path cannot be read. */
export function parsePath(path: string): { segments: string[]; format: Format } | null {
  const m = /^(.*?)(?:\.(xml|json))?$/i.exec(path.replace(/^\/+|\/+$/g, ''))!
  try {
    return { segments: m[1]!.split('/').map((s) => decodeURIComponent(s)), format: (m[2]?.toLowerCase() as Format | undefined) ?? 'xml' }
  } catch {
    return null
  }
}

/** The query, and for a POST the form-encoded body over it. */
export function formOf(req: HttpRequest): Form {
  const form: Form = { ...req.query }
  if (req.method !== 'POST' || !req.body) return form
  const posted: Form = {}
  for (const [k, v] of new URLSearchParams(req.body)) {
    const prev = posted[k]
    posted[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return { ...form, ...posted }
}

/** The endpoint's absolute address, as the caller reached it (links in answers are absolute). */
function endpointUrl(d: Deps, req: HttpRequest): string {
  const host = req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost'
  const proto = req.headers['x-forwarded-proto'] ?? (d.mode === 'local' ? 'http' : 'https')
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}${req.base}`
}

const refusal = (format: Format, r: Refusal) => errorResponse(format, r.status, r.description)

export async function routeOpen311(d: Deps, req: HttpRequest): Promise<HttpResponse> {
  const method = req.method === 'HEAD' ? 'GET' : req.method
  const raw = req.path.replace(/^\/+/, '')
  if (raw.startsWith('media/') && method === 'GET') {
    const named = req.query.request
    const photo = await publishedPhoto(d, raw.slice('media/'.length), Array.isArray(named) ? named[0] : named)
    return photo ?? errorResponse('xml', 404, '没有这张照片，或它未公开')
  }
  const parsed = parsePath(req.path)
  if (!parsed) return errorResponse('xml', 400, '路径无法解析')
  const { segments, format } = parsed
  const resource = segments.join('/')
  const route = ROUTES.find((r) => r.pattern.test(resource))
  if (!route) return errorResponse(format, 404, `没有这个资源：${resource || '/'}（见 discovery）`)
  if (!route.methods.includes(method)) return errorResponse(format, 405, `${resource} 不支持 ${req.method}`, { allow: route.methods.join(', ') })

  const form = formOf(req)
  const jurisdiction = jurisdictionRefusal(d, form)
  if (jurisdiction) return refusal(format, jurisdiction)
  const ok = (doc: Doc, status = 200) => respond(format, status, doc)
  const [head, arg] = segments as [string, string | undefined]

  if (head === 'discovery') return ok(await discoveryDoc(d, endpointUrl(d, req)))
  if (head === 'services') {
    if (arg === undefined) return ok(servicesDoc(d))
    const def = serviceDefinitionDoc(d, arg)
    return def ? ok(def) : errorResponse(format, 404, `service_code ${arg} 不存在`)
  }

  const partner = await partnerOf(d, form)
  if (isRefusal(partner)) return refusal(format, partner)
  if (head === 'requests' && method === 'POST') {
    const r = await postRequest(d, partner, form)
    if (!r.ok) return errorResponse(format, r.status, r.description)
    return ok({ root: 'service_requests', body: list('request', r.requests.map((x) => ({ ...x }))) }, r.status)
  }
  const limited = await readAllowed(d, partner)
  if (limited) return refusal(format, limited)
  const ctx: RequestContext = { d, tree: await d.orgTree(), base: endpointUrl(d, req) }

  if (head === 'requests' && arg === undefined) {
    const r = await listRequests(ctx, form)
    return isRefusal(r) ? refusal(format, r) : ok(r)
  }
  if (head === 'requests') {
    const r = await oneRequest(ctx, arg!)
    return r ? ok(r) : errorResponse(format, 404, `service_request_id ${arg} 不存在或不公开`)
  }
  if (head === 'tokens') {
    const r = await tokenLookup(d, partner, arg!)
    return r.ok ? ok({ root: 'service_requests', body: list('request', [{ ...(r.request.service_request_id ? { service_request_id: r.request.service_request_id } : {}), token: r.request.token }]) }) : errorResponse(format, r.status, r.description)
  }
  const r = await listUpdates(ctx, form)
  return isRefusal(r) ? refusal(format, r) : ok(r)
}
