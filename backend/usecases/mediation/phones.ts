/**
 * Mediation parties' phones at rest: sealed with the PII vault (the case id as associated data, so
 * a ciphertext copied into another case does not open) and found by a keyed hash of the digits.
 * Cases stored before this carry the number in clear: SQLite seals them in a migration, CloudBase in
 * the district CLI's `seal-phones` step; until then they are read and shown as before.
 */
import type { Case } from '../../../src/core/case'
import type { Party } from '../../../src/core/kinds/mediation'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'
import { ownPhone } from '../account/ownPhone'
import { pl } from './payload'

/** The lookup hash's namespace in the vault, apart from identity documents. */
const HASH_KIND = 'mediation-phone'

let warned = false

/** Without the key no phone can be stored: an application is refused, retryably, and the log says why. */
export function phoneVault(d: Deps): Vault | Failure {
  if (d.vault) return d.vault
  if (!warned) {
    warned = true
    console.error(JSON.stringify({ level: 'error', fn: 'mediation', msg: 'JIEFANG_PII_KEY is not configured: mediation applications refuse with UNAVAILABLE until it is set' }))
  }
  return { ...fail('UNAVAILABLE', '调解服务暂不可用，请稍后重试'), retryable: true }
}

/** Digits only: 010-12345678 and 01012345678 are one number. */
function digits(phone: string): string {
  return phone.replace(/\D/g, '')
}

export function phoneHash(v: Vault, phone: string): string {
  return v.lookupHash(HASH_KIND, digits(phone))
}

/** A party's number as stored: sealed and hashed, never in clear. */
export function sealedPhone(v: Vault, caseId: string, phone: string): Pick<Party, 'phoneSealed' | 'phoneHash'> {
  return { phoneSealed: v.seal(phone, caseId), phoneHash: phoneHash(v, phone) }
}

/** The party's number, or null when it cannot be opened here (no key configured). */
export function partyPhone(v: Vault | undefined, caseId: string, party: Party): string | null {
  if (party.phoneSealed) return v ? v.open(party.phoneSealed, caseId) : null
  return party.phone ?? null
}

/** Whether `phone` is the party's number (its keyed hash; a case not yet sealed compares digits). */
export function isPartyPhone(v: Vault, party: Party, phone: string): boolean {
  if (party.phoneHash) return party.phoneHash === phoneHash(v, phone)
  return typeof party.phone === 'string' && digits(party.phone) === digits(phone)
}

/** The caller's own phone as set in 我的, or null when they have none (or it cannot be opened here). */
export async function callerPhone(d: Deps, actor: Actor): Promise<string | null> {
  const me = await d.store.getUser(actor.userId)
  return me ? ownPhone(d, me) : null
}

export function hasClearPhone(c: Case): boolean {
  return c.kind === 'mediation' && pl(c).parties.some((x) => typeof x.phone === 'string')
}

/** Whether any party of the case has this number (staff looking a case up by a caller's phone). */
export function hasPartyPhone(v: Vault, c: Case, phone: string): boolean {
  const h = phoneHash(v, phone)
  return pl(c).parties.some((x) => (x.phoneHash ? x.phoneHash === h : typeof x.phone === 'string' && digits(x.phone) === digits(phone)))
}

/** The case with every clear number sealed; the version stays, as no one changed the case. */
export function sealCase(v: Vault, c: Case): Case {
  const parties = pl(c).parties.map((x): Party => {
    if (typeof x.phone !== 'string') return x
    const { phone, ...rest } = x
    return { ...rest, ...sealedPhone(v, c.id, phone) }
  })
  return { ...c, payload: { ...c.payload, parties } }
}

const PAGE = 200

function rewrite(d: Deps, c: Case, version: number): Promise<boolean> {
  return d.store.transaction((tx) => tx.updateCase(c, version))
}

/** Every mediation case still holding a clear number, sealed (the CloudBase migration step). */
export async function sealClearPhones(d: Deps): Promise<{ scanned: number; sealed: number } | Failure> {
  const v = phoneVault(d)
  if ('ok' in v) return v
  let scanned = 0
  let sealed = 0
  let before: string | undefined
  for (;;) {
    const page = await d.store.listCases({ kind: 'mediation', order: 'newest', limit: PAGE, before })
    for (const c of page) {
      scanned++
      if (hasClearPhone(c) && (await rewrite(d, sealCase(v, c), c.version))) sealed++
    }
    if (page.length < PAGE) break
    before = page[page.length - 1]!.id
  }
  return { scanned, sealed }
}
