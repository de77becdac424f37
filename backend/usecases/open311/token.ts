import { randomBytes } from 'node:crypto'
import { partnerActorId } from '../../../src/core/partnerActor'
import type { Tx } from '../../ports'
import type { Deps } from '../../deps'

/**
 * Open311's `token`: answered by POST requests while the new case has no public view yet (it waits
 * for acceptance or moderation), exchanged later through GET tokens/{token} for the case number.
 * Random, never the case id; held as a claim under the posting partner, so only that partner's key
 * can exchange it (Part O2's postRequest claims it with the case, Part O1's tokens route reads it).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
export const TOKEN_LENGTH = 24
const TOKEN = /^[0-9A-Za-z]{24}$/

/** 24 base62 characters (about 143 bits). */
export function newOpen311Token(): string {
  let out = ''
  while (out.length < TOKEN_LENGTH) {
    for (const b of randomBytes(32)) {
      // 248 = 4 × 62: the bytes above it are dropped so every character is equally likely.
      if (b < 248 && out.length < TOKEN_LENGTH) out += BASE62[b % 62]
    }
  }
  return out
}

const claimKey = (token: string) => `open311-token:${token}`

/** Holds the token for the case in the create's transaction (createOnce's `also`). */
export async function claimOpen311Token(tx: Tx, partnerId: string, token: string, caseId: string): Promise<void> {
  const held = await tx.claimIdempotency(partnerActorId(partnerId), claimKey(token), caseId)
  if (held !== null && held !== caseId) throw new Error('open311 token already held by another case')
}

/** The case id a partner's token stands for, or null (unknown, malformed, or another partner's). */
export async function caseIdOfToken(d: Deps, partnerId: string, token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null
  return d.store.claimedCase(partnerActorId(partnerId), claimKey(token))
}
