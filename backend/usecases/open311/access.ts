import { createHash } from 'node:crypto'
import { partnerActorId } from '../../../src/core/partnerActor'
import type { Deps } from '../../deps'
import type { IntegrationPartner } from '../../ports'
import { countCreate, limitedTransaction } from '../shared/rateLimit'

/**
 * Who calls: a partner's API key (`api_key`, issued by the district admin, stored as its sha256),
 * bound to the district's jurisdiction; and whether the jurisdiction asked for is this one.
 */
export type Refusal = { status: 400 | 403 | 404 | 429; description: string }

const API_KEY = /^jf311_[0-9A-Za-z]{32}$/

/** The form's single value of `name` (the first when repeated), trimmed. */
export function one(form: Record<string, string | string[]>, name: string): string {
  const v = form[name]
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
}

/** `jurisdiction_id` is optional (this endpoint serves one district); given, it must be the district's code. */
export function jurisdictionRefusal(d: Deps, form: Record<string, string | string[]>): Refusal | null {
  const j = one(form, 'jurisdiction_id')
  if (j && j !== d.config.district.code) return { status: 404, description: `jurisdiction_id ${j} 不存在：本接口只服务 ${d.config.district.name}（${d.config.district.code}）` }
  return null
}

/** The partner holding the request's `api_key`, or why it may not call. */
export async function partnerOf(d: Deps, form: Record<string, string | string[]>): Promise<IntegrationPartner | Refusal> {
  const key = one(form, 'api_key')
  if (!key) return { status: 403, description: '缺少 api_key：请向区管理员申请 Open311 接口密钥' }
  const partner = API_KEY.test(key) ? await d.store.partnerByKeyHash(createHash('sha256').update(key, 'utf8').digest('hex')) : null
  if (!partner || partner.kind !== 'open311') return { status: 403, description: 'api_key 无效' }
  if (partner.revokedAt) return { status: 403, description: 'api_key 已停用' }
  const j = one(form, 'jurisdiction_id')
  if (partner.jurisdictionId !== d.config.district.code || (j && j !== partner.jurisdictionId)) return { status: 403, description: 'api_key 不能用于这个 jurisdiction_id' }
  return partner
}

/** Counts one read against the key's `open311.read` limit; a refusal once it is spent. */
export async function readAllowed(d: Deps, partner: IntegrationPartner): Promise<Refusal | null> {
  const r = await limitedTransaction(() => d.store.transaction((tx) => countCreate(d, tx, partnerActorId(partner.id), 'open311.read')))
  return r === undefined ? null : { status: 429, description: '请求过于频繁，请稍后再试' }
}

export const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'status' in v && 'description' in v
