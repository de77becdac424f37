import { randomBytes } from 'node:crypto'
import type { Case } from '../../../src/core/case'
import type { Party } from '../../../src/core/kinds/mediation'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Deps } from '../../deps'
import type { Tx } from '../../ports'
import { pl } from './payload'

/** Unambiguous characters: a code read out over the phone survives 0/O and 1/I. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function newInviteSecret(): string {
  return Array.from(randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/** The claim space of invitation codes (a lookup key → its case; no user id looks like this). */
export const INVITE_CLAIMANT = 'mediation-invite'

/** The path a respondent opens; a 小程序码 carries the code alone as its scene. */
export function invitePath(code: string): string {
  return `/pages/mediation/join/index?invite=${encodeURIComponent(code)}`
}

/** What the respondent types or scans: the 8-character secret, or `<case id>-<secret>` for invitations sent before. */
export function inviteCodeOf(c: Case, party: Party): string {
  return party.inviteByCode ? party.inviteSecret! : `${c.id}-${party.inviteSecret}`
}

/**
 * Holds each new invitation code for its case, in the create's transaction. Two cases drawing the
 * same code (one in 10^12) would make one unreachable: the create fails instead, and its retry
 * draws new codes.
 */
export async function claimInviteCodes(tx: Tx, c: Case): Promise<void> {
  for (const p of pl(c).parties) {
    if (p.side !== 'respondent' || !p.inviteByCode || !p.inviteSecret) continue
    const held = await tx.claimIdempotency(INVITE_CLAIMANT, p.inviteSecret, c.id)
    if (held !== null && held !== c.id) throw new Error('mediation invitation code already held by another case')
  }
}

const SHORT = /^[A-HJ-NP-Z2-9]{8}$/
const LONG = /^([0-9A-HJKMNP-TV-Z]{26})-([A-Z2-9]{8})$/

/** The case an invitation code opens, and the secret it carries. */
export async function byInvite(d: Deps, invite: string): Promise<{ c: Case; secret: string } | Failure> {
  const text = invite.trim().toUpperCase()
  let caseId: string | null = null
  let secret = ''
  if (SHORT.test(text)) {
    secret = text
    caseId = await d.store.claimedCase(INVITE_CLAIMANT, text)
  } else {
    const m = LONG.exec(text)
    if (m) [caseId, secret] = [m[1]!, m[2]!]
  }
  const c = caseId ? await d.store.getCase(caseId) : null
  const open = c && c.kind === 'mediation' && pl(c).parties.some((x) => x.side === 'respondent' && x.inviteSecret === secret)
  if (!c || !open) return fail('NOT_FOUND', '邀请码无效，请向申请人核对')
  return { c, secret }
}
