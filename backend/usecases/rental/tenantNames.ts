/**
 * A registration's real names (the tenant's and the cohabitants') at rest: sealed with the PII
 * vault (the case id as associated data), with the masks (张*明) left in the payload, so a stored
 * registration read anywhere else shows the masks. The tenant, the building's manager and the police
 * of its area open them. Registrations stored before this carry names in clear: SQLite seals them
 * in a migration, CloudBase in the district CLI's `seal-names` step. Purging drops the sealed copy.
 */
import type { Case } from '../../../src/core/case'
import type { CheckinPayload, Cohabitant } from '../../../src/core/kinds/checkin'
import { maskName } from '../../../src/core/names'
import type { Vault } from '../../crypto/vault'

export interface TenantNames {
  name: string | null
  cohabitants: Cohabitant[]
}

/** The payload's name fields as stored: masks in clear, the names sealed. */
export function sealTenant(v: Vault, caseId: string, t: TenantNames): TenantNames & { sealed: string } {
  return {
    name: t.name === null ? null : maskName(t.name),
    cohabitants: t.cohabitants.map((x) => ({ ...x, name: maskName(x.name) })),
    sealed: v.seal(JSON.stringify({ name: t.name, cohabitants: t.cohabitants.map((x) => x.name) }), caseId),
  }
}

/** The names in full, or the masks when they cannot be opened here (no vault, or not entitled). */
export function tenantNames(v: Vault | undefined, c: Case): TenantNames {
  const p = c.payload as unknown as CheckinPayload
  if (!v || p.sealed === undefined) return { name: p.name, cohabitants: p.cohabitants }
  const open = JSON.parse(v.open(p.sealed, c.id)) as { name: string | null; cohabitants: string[] }
  return { name: open.name, cohabitants: p.cohabitants.map((x, i) => ({ ...x, name: open.cohabitants[i] ?? x.name })) }
}

/** Personal names still in clear (a purged registration has none left). */
function clearIn(p: CheckinPayload): boolean {
  return p.sealed === undefined && (p.name !== null || p.cohabitants.length > 0)
}

export function hasClearTenant(c: Case): boolean {
  return c.kind === 'checkin' && clearIn(c.payload as unknown as CheckinPayload)
}

export function sealPayloadTenant(v: Vault, caseId: string, p: CheckinPayload): CheckinPayload {
  return clearIn(p) ? { ...p, ...sealTenant(v, caseId, { name: p.name, cohabitants: p.cohabitants }) } : p
}
