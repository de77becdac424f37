/**
 * The resident a grid worker filed a report for (代办): their name and phone sealed at rest with the
 * PII vault (the case id as associated data), the masks kept in clear, so a stored report read
 * anywhere else shows 张*明 and 138****0000. Only the staff view of the report opens them.
 * Reports stored before this carry them in clear: SQLite seals them in a migration, CloudBase in the
 * district CLI's `seal-names` step.
 */
import type { Case } from '../../../src/core/case'
import type { ReportPayload } from '../../../src/core/kinds/reportTerms'
import { maskName } from '../../../src/core/names'
import type { Vault } from '../../crypto/vault'
import { maskPhone } from '../shared/maskedPhone'

type Proxy = NonNullable<ReportPayload['proxy']>

export function sealProxy(v: Vault, caseId: string, person: { name: string; phone: string }): Proxy {
  return { name: maskName(person.name), phone: maskPhone(person.phone), sealed: v.seal(JSON.stringify({ name: person.name, phone: person.phone }), caseId) }
}

/** The resident's name and phone in full, or their masks when they cannot be opened here. */
export function openProxy(v: Vault | undefined, caseId: string, p: Proxy): { name: string; phone: string } {
  if (p.sealed === undefined || !v) return { name: p.name, phone: p.phone }
  const open = JSON.parse(v.open(p.sealed, caseId)) as { name: string; phone: string }
  return { name: open.name, phone: open.phone }
}

export function hasClearProxy(c: Case): boolean {
  const p = c.payload as ReportPayload
  return c.kind === 'report' && p.proxy !== undefined && p.proxy.sealed === undefined
}

/** The payload with a clear proxy person sealed (a sealed one is left as it is). */
export function sealPayloadProxy(v: Vault, caseId: string, p: ReportPayload): ReportPayload {
  return p.proxy && p.proxy.sealed === undefined ? { ...p, proxy: sealProxy(v, caseId, p.proxy) } : p
}
