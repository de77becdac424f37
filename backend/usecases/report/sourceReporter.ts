/**
 * The reporter of a case filed by an outside system (an Open311 client's user, a 12345 caller), as
 * that system named them: name and email sealed with the PII vault (the case id as associated data),
 * masks kept in clear; their phone goes to the report's `contact` (contactPhone.ts). Only the staff
 * view of the report opens them; the public view, webhooks and the partner's reads never carry them.
 */
import type { SourceReporter } from '../../../src/core/kinds/reportTerms'
import { maskName } from '../../../src/core/names'
import type { Vault } from '../../crypto/vault'

export interface ReporterWords {
  name?: string | null
  email?: string | null
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return `${Array.from(email.slice(0, at))[0] ?? ''}***${email.slice(at)}`
}

/** Undefined when the outside system gave neither a name nor an email. */
export function sealSourceReporter(v: Vault, caseId: string, r: ReporterWords): SourceReporter | undefined {
  const name = r.name?.trim() || undefined
  const email = r.email?.trim() || undefined
  if (!name && !email) return undefined
  return {
    ...(name ? { name: maskName(name) } : {}),
    ...(email ? { email: maskEmail(email) } : {}),
    sealed: v.seal(JSON.stringify({ name, email }), caseId),
  }
}

/** The name and email in full, or their masks where they cannot be opened here. */
export function openSourceReporter(v: Vault | undefined, caseId: string, r: SourceReporter): { name: string | null; email: string | null } {
  if (!v) return { name: r.name ?? null, email: r.email ?? null }
  const open = JSON.parse(v.open(r.sealed, caseId)) as ReporterWords
  return { name: open.name ?? null, email: open.email ?? null }
}
