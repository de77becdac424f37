import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { idemKey } from './fixtures'
import type { Client } from './server'

export function applyInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: idemKey(),
    disputeType: 'family',
    streetCode: DEMO_STREET,
    applicantName: '陈小梅',
    applicantPhone: '13800138000',
    respondents: [{ name: '黄伟明', phone: RESPONDENT_PHONE }],
    facts: '婚后因子女抚养费问题多次争吵，双方协商未果，希望调解',
    claims: '每月支付子女抚养费 2000 元',
    evidence: [] as string[],
    preferredWay: 'online',
    ...overrides,
  }
}

/** The respondent's phone applyInput names: an invitation opens only for a caller with it in 我的. */
export const RESPONDENT_PHONE = '13912345678'

/** The phone a person sets in 我的: agree to the privacy notice in force, then type the number. */
export async function setOwnPhone(c: Client, phone: string = RESPONDENT_PHONE): Promise<void> {
  const privacy = await c.call('account', 'privacy', {})
  if (!privacy.ok) throw new Error(`account.privacy: ${privacy.code} ${privacy.message}`)
  const agreed = await c.call('account', 'consent', { version: privacy.privacy.notice.version })
  if (!agreed.ok) throw new Error(`account.consent: ${agreed.code} ${agreed.message}`)
  const set = await c.call('account', 'setPhone', { phone })
  if (!set.ok) throw new Error(`account.setPhone: ${set.code} ${set.message}`)
}

/** What joining sends: the name as the applicant typed it (or corrected) and the consent. */
export function joinInput(invite: string, name = '黄伟明') {
  return { invite, name, consent: true }
}

export async function medAct(c: Client, id: string, action: string, extra: Record<string, unknown> = {}): Promise<any> {
  const cur = await c.call('mediation', 'get', { id })
  if (!cur.ok) return cur
  return c.call('mediation', 'act', { id, action, version: cur.case.version, ...extra })
}
