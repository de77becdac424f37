import { randomBytes } from 'node:crypto'
import { phone as phoneSchema } from '../../../src/contracts/commonSchemas'
import { ADDRESS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_PHOTOS, PERSON_NAME_MAX } from '../../../src/contracts/limits'
import { gridAt } from '../../../src/core/geo'
import type { ReportPayload } from '../../../src/core/kinds/report'
import type { Failure } from '../../../src/core/outcome'
import { partnerActor } from '../../../src/core/partnerActor'
import { leafCategory } from '../../config/district'
import type { Deps } from '../../deps'
import type { IntegrationPartner } from '../../ports'
import { hasPublicView } from '../report/publicView'
import { OUT_OF_AREA } from '../report/locate'
import { openPartnerReport } from '../report/partnerReport'
import { createOnce } from '../shared/persist'
import { one } from './access'
import { tokenClaimKey } from './tokens'

/**
 * Open311 GeoReport v2 `POST requests`: an outside system files a report, validated and routed like
 * one filed in the app (a leaf category, a point inside a grid, the app's description limits), the
 * case's creator `partner:<id>`. Decisions (docs/open311.md):
 *
 * - Location: `lat` + `long` (WGS-84) are required; `address_string` alone is refused with 400, since
 *   nothing here turns an address into a point and a guessed grid would send the work to the wrong
 *   worker. `address_string` is kept as the case's address; without it the grid's name stands in.
 * - `media_url`: the partner's own links to its photos. They are recorded on the case for staff as
 *   links (来源 on the case page) and never fetched here, so no one can make this server request an
 *   arbitrary address; they are never part of the public view.
 * - Idempotency: `attribute[client_request_id]`, else `attribute[fixmystreet_id]` (what FixMyStreet's
 *   client sends with each report): a retry with the same id answers the first case. Without either
 *   every POST is a new case.
 * - Reporter fields (email, first_name, last_name, phone) are sealed with the PII vault; staff on the
 *   case see them, the public view and webhooks never. device_id and account_id are not kept.
 * - Answer: `service_request_id` (the case number, 京溪-2026-00042) when the case has a public view,
 *   else a random `token` (GET tokens/{token}), since a sensitive case's number is not to be looked up.
 */

export interface PostedRequest {
  service_request_id?: string
  token?: string
  service_notice?: string
  account_id?: string
}

export type PostRequestResult =
  | { ok: true; status: 201; requests: PostedRequest[] }
  /** `code` is the HTTP status, as the specification's <error><code> carries it; `description` is Chinese. */
  | { ok: false; status: number; code: number; description: string }

export type Open311Form = Record<string, string | string[]>

export const CLIENT_ID_ATTRIBUTES = ['client_request_id', 'fixmystreet_id'] as const
const CLIENT_ID = /^[\x21-\x7e]{1,64}$/
const MEDIA_URL_MAX = 1000
const EMAIL_MAX = 254
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const refuse = (status: number, description: string): PostRequestResult => ({ ok: false, status, code: status, description })

/** A repeatable field (`media_url`, also sent as `media_url[]`), empty values dropped. */
function many(form: Open311Form, name: string): string[] {
  return [form[name], form[`${name}[]`]].flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])).map((s) => s.trim()).filter(Boolean)
}

function clientIdOf(form: Open311Form): string | null | PostRequestResult {
  for (const a of CLIENT_ID_ATTRIBUTES) {
    const v = one(form, `attribute[${a}]`)
    if (!v) continue
    return CLIENT_ID.test(v) ? v : refuse(400, `attribute[${a}] 应为 1–64 个可见字符`)
  }
  return null
}

function pointOf(form: Open311Form): { lat: number; lng: number } | PostRequestResult {
  const lat = one(form, 'lat')
  const long = one(form, 'long')
  if (!lat && !long) {
    return one(form, 'address_string')
      ? refuse(400, '暂不支持仅凭 address_string 定位，请同时提供 lat 和 long（WGS-84 坐标）')
      : refuse(400, '缺少位置：请提供 lat 和 long（WGS-84 坐标）')
  }
  if (!lat || !long) return refuse(400, '坐标不完整：lat 和 long 须同时提供')
  const p = { lat: Number(lat), lng: Number(long) }
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng) || Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) return refuse(400, 'lat 或 long 不是有效的坐标')
  return p
}

function descriptionOf(form: Open311Form): string | PostRequestResult {
  const text = one(form, 'description')
  const n = Array.from(text).length
  if (n === 0) return refuse(400, '缺少 description（问题描述）')
  if (n < DESCRIPTION_MIN) return refuse(400, `问题描述至少 ${DESCRIPTION_MIN} 个字`)
  if (n > DESCRIPTION_MAX) return refuse(400, `问题描述最多 ${DESCRIPTION_MAX} 个字`)
  return text
}

function mediaUrlsOf(form: Open311Form): string[] | PostRequestResult {
  const urls = many(form, 'media_url')
  if (urls.length > MAX_PHOTOS) return refuse(400, `media_url 最多 ${MAX_PHOTOS} 个`)
  for (const u of urls) {
    let ok = u.length <= MEDIA_URL_MAX
    try {
      ok &&= ['http:', 'https:'].includes(new URL(u).protocol)
    } catch {
      ok = false
    }
    if (!ok) return refuse(400, 'media_url 应为 http 或 https 链接（最长 1000 个字符）')
  }
  return [...new Set(urls)]
}

interface Reporter {
  name: string | null
  email: string | null
  phone: string | null
}

/** Chinese names come family name first; names in Latin letters given name first. */
function fullName(first: string, last: string): string {
  if (!first || !last) return first || last
  return /^[\x20-\x7e]+$/.test(first + last) ? `${first} ${last}` : `${last}${first}`
}

function reporterOf(form: Open311Form): Reporter | PostRequestResult {
  const name = fullName(one(form, 'first_name'), one(form, 'last_name'))
  if (Array.from(name).length > PERSON_NAME_MAX) return refuse(400, `上报人姓名最多 ${PERSON_NAME_MAX} 个字`)
  const email = one(form, 'email')
  if (email && (email.length > EMAIL_MAX || !EMAIL.test(email))) return refuse(400, 'email 格式不正确')
  const phone = one(form, 'phone')
  if (phone && !phoneSchema.safeParse(phone).success) return refuse(400, 'phone 格式不正确：请填写手机号或固定电话')
  return { name: name || null, email: email || null, phone: phone || null }
}

/** 24 characters of base64url: unguessable, and not the case's id. */
export function newToken(): string {
  return randomBytes(18).toString('base64url')
}

function failureOf(f: Failure): PostRequestResult {
  if (f.code === 'RATE_LIMITED') return refuse(429, '提交过于频繁，请稍后再试')
  if (f.code === 'UNAVAILABLE') return refuse(503, '系统繁忙，请稍后重试')
  return refuse(400, f.message)
}

/** `POST requests` for a partner whose key and jurisdiction the router already checked. */
export async function postRequest(d: Deps, partner: IntegrationPartner, form: Open311Form): Promise<PostRequestResult> {
  if (partner.kind !== 'open311' || partner.revokedAt) return refuse(403, 'api_key 无效或已停用')
  const code = one(form, 'service_code')
  if (!code) return refuse(400, '缺少 service_code（问题分类代码）')
  const category = leafCategory(d.config, code)
  if (!category) return refuse(404, '没有这个 service_code，请先查询 services 列表')
  const clientId = clientIdOf(form)
  if (clientId !== null && typeof clientId !== 'string') return clientId
  const point = pointOf(form)
  if ('ok' in point) return point
  const description = descriptionOf(form)
  if (typeof description !== 'string') return description
  const address = one(form, 'address_string')
  if (Array.from(address).length > ADDRESS_MAX) return refuse(400, `address_string 最多 ${ADDRESS_MAX} 个字`)
  const mediaUrls = mediaUrlsOf(form)
  if (!Array.isArray(mediaUrls)) return mediaUrls
  const reporter = reporterOf(form)
  if ('ok' in reporter) return reporter
  const tree = await d.orgTree()
  const grid = gridAt(tree, point)
  if (!grid) return refuse(400, OUT_OF_AREA.replace('，请重新选点', '（lat/long 不在任何网格内）'))
  const sealing = reporter.name || reporter.email || reporter.phone
  if (sealing && !d.vault) return refuse(503, '暂时无法保存上报人信息，请稍后重试')

  const actor = partnerActor(partner.id, partner.name)
  const id = d.newId()
  const token = newToken()
  // Without a client id, nothing to replay: a key of its own makes every POST a new case.
  const key = `open311:${clientId ?? `~${id}`}`
  const { case: c, event } = openPartnerReport(d, {
    id,
    creatorId: actor.userId,
    idempotencyKey: key,
    category,
    grid,
    description,
    point,
    address,
    reporter,
    source: {
      channel: 'open311',
      partnerId: partner.id,
      partnerName: partner.name,
      ...(clientId ? { clientId } : {}),
      token,
      ...(mediaUrls.length ? { mediaUrls } : {}),
    },
  })
  const made = await createOnce(d, actor, key, c, event, {
    limit: 'open311.post',
    // GET tokens/{token} finds the case through this second claim (tokens.ts): no new query needed.
    also: async (tx) => void (await tx.claimIdempotency(actor.userId, tokenClaimKey(token), id)),
  })
  if ('ok' in made) return failureOf(made)
  const stored = made.case
  if (hasPublicView(d, stored)) {
    const hours = d.config.acceptHours
    const at = (stored.gridCode ? tree.get(stored.gridCode)?.name : undefined) ?? grid.name
    const notice = `已转${at}${hours ? `，${hours} 小时内受理` : ''}`
    return { ok: true, status: 201, requests: [{ service_request_id: stored.number ?? '', service_notice: notice }] }
  }
  const storedToken = (stored.payload as ReportPayload).source?.token
  return { ok: true, status: 201, requests: [{ ...(storedToken ? { token: storedToken } : {}), service_notice: '已收到，待受理' }] }
}
