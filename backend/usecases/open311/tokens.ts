import type { ReportPayload } from '../../../src/core/kinds/report'
import { partnerActorId } from '../../../src/core/partnerActor'
import type { Deps } from '../../deps'
import type { IntegrationPartner } from '../../ports'
import { hasPublicView } from '../report/publicView'

/**
 * Open311 `GET tokens/{token}`. POST requests answers a token instead of the case number while the
 * case has no public view (a sensitive category); the token is claimed beside the case's own
 * idempotency claim under the partner's actor id, so only the partner that posted it finds it.
 */
export function tokenClaimKey(token: string): string {
  return `open311-token:${token}`
}

const TOKEN = /^[A-Za-z0-9_-]{24}$/

export type TokenLookup =
  /** `service_request_id` once the case has a public view (its number), else the token alone. */
  | { ok: true; request: { token: string; service_request_id?: string } }
  | { ok: false; status: 404; code: 404; description: string }

const NOT_FOUND: TokenLookup = { ok: false, status: 404, code: 404, description: '没有这个 token' }

export async function tokenLookup(d: Deps, partner: IntegrationPartner, token: string): Promise<TokenLookup> {
  if (!TOKEN.test(token)) return NOT_FOUND
  const caseId = await d.store.claimedCase(partnerActorId(partner.id), tokenClaimKey(token))
  const c = caseId ? await d.store.getCase(caseId) : null
  // The claim and the case commit together; the token stays on the case (a merged or erased one included).
  if (!c || (c.payload as ReportPayload).source?.token !== token) return NOT_FOUND
  return { ok: true, request: { token, ...(hasPublicView(d, c) && c.number ? { service_request_id: c.number } : {}) } }
}
