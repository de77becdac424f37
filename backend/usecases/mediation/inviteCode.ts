import { randomBytes } from 'node:crypto'
import type { Case } from '../../../src/core/case'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Deps } from '../../deps'
import { pl } from './payload'

/** Unambiguous characters: a code read out over the phone survives 0/O and 1/I. */
export function newInviteSecret(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('')
}

/** The path a respondent opens; the code is `<case id>-<secret>`. */
export function invitePath(code: string): string {
  return `/pages/mediation/join/index?invite=${encodeURIComponent(code)}`
}

function parseInvite(invite: string): { caseId: string; secret: string } | null {
  const m = /^([0-9A-HJKMNP-TV-Z]{26})-([A-Z2-9]{8})$/.exec(invite.trim().toUpperCase())
  return m ? { caseId: m[1]!, secret: m[2]! } : null
}

/** The case an invitation code opens, and the secret it carries. */
export async function byInvite(d: Deps, invite: string): Promise<{ c: Case; secret: string } | Failure> {
  const parsed = parseInvite(invite)
  const c = parsed ? await d.store.getCase(parsed.caseId) : null
  const open = c && c.kind === 'mediation' && pl(c).parties.some((x) => x.side === 'respondent' && x.inviteSecret === parsed!.secret)
  if (!c || !open) return fail('NOT_FOUND', '邀请码无效，请向申请人核对')
  return { c, secret: parsed!.secret }
}
