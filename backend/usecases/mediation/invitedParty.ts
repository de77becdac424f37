import type { Case } from '../../../src/core/case'
import type { Party } from '../../../src/core/kinds/mediation'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { maskPhone } from './caseView'
import { byInvite } from './inviteCode'
import { pl } from './payload'
import { callerPhone, isPartyPhone, partyPhone, phoneVault } from './phones'

/**
 * The invitation's case and party, for the one person it was meant for: an invitation code is
 * forwarded through chats and can reach anyone, so it opens only for a caller whose phone in 我的
 * is the number the applicant gave for that party. Anyone else learns the number masked, which is
 * what the applicant shares when they tell the other side to set it.
 */
export async function invitedParty(d: Deps, actor: Actor, invite: string): Promise<{ c: Case; secret: string; party: Party } | Failure> {
  const found = await byInvite(d, invite)
  if ('ok' in found) return found
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const party = pl(found.c).parties.find((x) => x.side === 'respondent' && x.inviteSecret === found.secret)!
  const mine = await callerPhone(d, actor)
  if (mine !== null && isPartyPhone(vault, party, mine)) return { ...found, party }
  const expected = partyPhone(vault, found.c.id, party)
  const masked = expected ? maskPhone(expected) : '申请人填写的号码'
  return mine === null
    ? fail('PHONE_MISMATCH', `这份调解邀请只对手机号 ${masked} 开放。请先在「我的」里设置这个手机号，再打开邀请。`, { phone: '未设置' })
    : fail('PHONE_MISMATCH', `这份调解邀请只对手机号 ${masked} 开放，与您在「我的」里设置的手机号不一致。如果这是您的号码，请在「我的」里改为它；如果号码有误，请联系申请人或调解员。`, { phone: '不一致' })
}
