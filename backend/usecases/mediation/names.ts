/**
 * Mediation parties' real names at rest: sealed with the PII vault (the case id as associated data),
 * with the mask (张*明) left in `name`, so anything that reads a stored case without opening it shows
 * the mask. The agreement's drafted text and terms carry the names too: they are sealed the same way
 * and kept with the names masked. Only the views of the case (its parties, its mediator and centre) open them.
 * Cases stored before this carry names in clear: SQLite seals them in a migration, CloudBase in the
 * district CLI's `seal-names` step.
 */
import type { Case } from '../../../src/core/case'
import { ERASED_NAME } from '../../../src/core/kinds/mediationErasure'
import type { Agreement, MediationPayload, Party } from '../../../src/core/kinds/mediationTerms'
import { maskName, maskNamesIn } from '../../../src/core/names'
import type { Vault } from '../../crypto/vault'
import { withFields } from '../../../src/core/withFields'

/** A name that is no one's (a deleted person's placeholder) stays as it is. */
const isClearName = (x: Party): boolean => x.nameSealed === undefined && x.name !== ERASED_NAME

/** The party's real name, or its mask when it cannot be opened here (no key configured). */
export function partyName(v: Vault | undefined, caseId: string, x: Party): string {
  if (x.nameSealed === undefined) return x.name
  return v ? v.open(x.nameSealed, caseId) : x.name
}

export function hasClearNames(c: Case): boolean {
  const p = c.payload as unknown as MediationPayload
  return c.kind === 'mediation' && (p.parties.some(isClearName) || (p.agreement !== null && p.agreement !== undefined && p.agreement.sealed === undefined))
}

/** The payload with every clear name and the agreement text sealed (a sealed one is left as it is). */
export function sealPayloadNames(v: Vault, caseId: string, p: MediationPayload): MediationPayload {
  const clear = p.parties.map((x) => partyName(v, caseId, x)).filter((n) => n !== ERASED_NAME)
  const parties = p.parties.map((x): Party => (isClearName(x) ? withFields(x, { name: maskName(x.name), nameSealed: v.seal(x.name, caseId) }) : x))
  let agreement: Agreement | null = p.agreement ?? null
  if (agreement && agreement.sealed === undefined) {
    const { text, terms } = agreement
    agreement = withFields(agreement, { text: maskNamesIn(text, clear), terms: terms.map((t) => maskNamesIn(t, clear)), sealed: v.seal(JSON.stringify({ text, terms }), caseId) })
  }
  return withFields(p, { parties, agreement })
}

/** The case as stored: names and agreement sealed; the version stays (sealing is not a move). */
export function sealNames(v: Vault, c: Case): Case {
  if (c.kind !== 'mediation') return c
  return withFields(c, { payload: sealPayloadNames(v, c.id, c.payload as unknown as MediationPayload) as unknown as Case['payload'] })
}

/**
 * The case with its names and agreement opened, for its own views and for the core's moves that
 * compare or print names (joining, drafting). Never stored as such: sealNames comes first.
 */
export function openNames(v: Vault | undefined, c: Case): Case {
  if (c.kind !== 'mediation' || !v) return c
  const p = c.payload as unknown as MediationPayload
  const parties = p.parties.map((x): Party => {
    if (x.nameSealed === undefined) return x
    const { nameSealed, ...rest } = x
    return withFields(rest, { name: v.open(nameSealed, c.id) })
  })
  let agreement = p.agreement ?? null
  if (agreement?.sealed !== undefined) {
    const { sealed, ...rest } = agreement
    const drafted = JSON.parse(v.open(sealed, c.id)) as { text: string; terms: string[] }
    agreement = withFields(rest, { text: drafted.text, terms: drafted.terms })
  }
  return withFields(c, { payload: withFields(c.payload, { parties, agreement }) as unknown as Case['payload'] })
}

/**
 * An opened case whose drafted agreement names `userId`'s party 已注销用户 instead of their real name
 * (account deletion); the parties themselves are erased by the core's eraseParty.
 */
export function withoutNameInAgreement(opened: Case, userId: string): Case {
  const p = opened.payload as unknown as MediationPayload
  const a = p.agreement
  const names = p.parties.filter((x) => x.userId === userId && x.name !== ERASED_NAME).map((x) => x.name.trim()).filter((n) => Array.from(n).length >= 2)
  if (!a || a.sealed !== undefined || names.length === 0) return opened
  const swap = (t: string) => names.reduce((acc, n) => acc.split(n).join(ERASED_NAME), t)
  return withFields(opened, { payload: withFields(opened.payload, { agreement: withFields(a, { text: swap(a.text), terms: a.terms.map(swap) }) }) as unknown as Case['payload'] })
}
