import type { Case } from '../../../src/core/case'
import type { Deps } from '../../deps'
import { hasPublicView } from '../report/publicView'
import type { Refusal } from './access'
import { one } from './access'
import { parseW3c } from './dates'
import { list, type Doc, type Obj } from './document'
import { OPEN311_STATUSES, requestView, type RequestContext } from './requestView'

/**
 * GET requests and GET requests/{id}: reports with a public view, newest first. A range of
 * `start_date`/`end_date` spans at most 90 days (the specification's default is the last 90
 * days); `page`/`page_size` page through it (the paging extension most servers implement).
 */
export const MAX_RANGE_DAYS = 90
const DAY_MS = 86_400_000
export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 100
/** At most this many ids in one `service_request_id` list. */
const MAX_IDS = 100
const STORE_PAGE = 200

type Form = Record<string, string | string[]>

function bad(description: string): Refusal {
  return { status: 400, description }
}

function positiveInt(text: string, name: string, max: number): number | Refusal {
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) return bad(`${name} 应为正整数`)
  return Math.min(Number(text), max)
}

/** The inclusive range asked for, at most 90 days, defaulting to the 90 days up to now. */
export function rangeOf(d: Deps, form: Form, defaultDays = MAX_RANGE_DAYS): { from: number; to: number } | Refusal {
  const s = one(form, 'start_date')
  const e = one(form, 'end_date')
  const from = s ? parseW3c(s, false) : null
  const to = e ? parseW3c(e, true) : null
  if (s && from === null) return bad('start_date 应为 W3C 时间格式，如 2026-12-01T00:00:00+08:00')
  if (e && to === null) return bad('end_date 应为 W3C 时间格式，如 2026-12-07T23:59:59+08:00')
  const now = d.clock.now().getTime()
  const end = to ?? (from !== null ? from + MAX_RANGE_DAYS * DAY_MS : now)
  const start = from ?? end - defaultDays * DAY_MS
  if (end < start) return bad('end_date 早于 start_date')
  if (end - start > MAX_RANGE_DAYS * DAY_MS) return bad(`start_date 与 end_date 相隔不能超过 ${MAX_RANGE_DAYS} 天`)
  return { from: start, to: end }
}

/** Comma lists may also come as repeated parameters. */
function commaList(form: Form, name: string): string[] {
  const v = form[name]
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return [...new Set(all.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean))]
}

async function views(ctx: RequestContext, cases: readonly Case[]): Promise<Obj[]> {
  const out: Obj[] = []
  for (const c of cases) out.push(await requestView(ctx, c, await ctx.d.store.timeline(c.id)))
  return out
}

const doc = (items: Obj[]): Doc => ({ root: 'service_requests', body: list('request', items) })

/** A report by the number people read, when the public may see it. */
export async function publicReportByNumber(d: Deps, number: string): Promise<Case | null> {
  if (!number || number.length > 40) return null
  const [c] = await d.store.listCases({ number, kind: 'report', limit: 1 })
  return c && hasPublicView(d, c) ? c : null
}

export async function listRequests(ctx: RequestContext, form: Form): Promise<Doc | Refusal> {
  const { d } = ctx
  const ids = commaList(form, 'service_request_id')
  // The specification: a list of ids overrides every other argument.
  if (ids.length > 0) {
    if (ids.length > MAX_IDS) return bad(`service_request_id 一次最多 ${MAX_IDS} 个`)
    const found: Case[] = []
    for (const id of ids) {
      const c = await publicReportByNumber(d, id)
      if (c) found.push(c)
    }
    return doc(await views(ctx, found))
  }
  const range = rangeOf(d, form)
  if ('status' in range) return range
  const codes = commaList(form, 'service_code')
  const unknown = codes.filter((code) => !d.config.categories.some((c) => c.code === code && c.parent !== null))
  if (unknown.length) return bad(`service_code ${unknown.join(',')} 不存在`)
  const statuses = commaList(form, 'status').map((s) => s.toLowerCase())
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) return bad('status 只能是 open 或 closed')
  const pageText = one(form, 'page')
  const sizeText = one(form, 'page_size')
  const page = pageText ? positiveInt(pageText, 'page', 100_000) : 1
  if (typeof page !== 'number') return page
  const size = sizeText ? positiveInt(sizeText, 'page_size', MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE
  if (typeof size !== 'number') return size

  const want = page * size
  const wantStatuses = statuses.length === 1 ? OPEN311_STATUSES[statuses[0] as 'open' | 'closed'] : undefined
  const matched: Case[] = []
  let before: string | undefined
  for (;;) {
    const batch = await d.store.listCases({
      kind: 'report',
      createdAfter: new Date(range.from - 1).toISOString(),
      createdBefore: new Date(range.to + 1).toISOString(),
      ...(wantStatuses ? { statuses: wantStatuses } : {}),
      ...(codes.length === 1 ? { category: codes[0] } : {}),
      order: 'newest',
      limit: STORE_PAGE,
      ...(before ? { before } : {}),
    })
    for (const c of batch) if (c.number && (codes.length <= 1 || codes.includes(c.category)) && hasPublicView(d, c)) matched.push(c)
    if (matched.length >= want || batch.length < STORE_PAGE) break
    before = batch[batch.length - 1]!.id
  }
  return doc(await views(ctx, matched.slice((page - 1) * size, want)))
}

export async function oneRequest(ctx: RequestContext, number: string): Promise<Doc | null> {
  const c = await publicReportByNumber(ctx.d, number)
  return c ? doc(await views(ctx, [c])) : null
}
