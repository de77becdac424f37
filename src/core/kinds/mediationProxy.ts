import type { Case, TimelineEvent } from '../case'
import { proxyNote, type ProxyAgentRole, type ProxyMark } from '../proxyMark'
import type { MediationPayload } from './mediationTerms'

/**
 * 代办申请: a grid worker or 代办员 applies for a person who is present. It is the person's own
 * application — they are its applicant party, having agreed in person — but their account is not
 * known yet: the applicant slot has no user and the case's creator is the marker of their phone
 * (proxyMark.ts) until they claim it, so the agent never holds the applicant's moves.
 */
export const PROXY_APPLY = 'proxy_apply'
export const PROXY_APPLY_LABELS = { [PROXY_APPLY]: '代办申请' } as const

/** An application opened as `openMediation` does, turned into the agent's filing for the person. */
export function asProxyApplication(opened: { case: Case; event: TimelineEvent }, agent: { userId: string; role: ProxyAgentRole }, creatorId: string, mark: ProxyMark): { case: Case; event: TimelineEvent } {
  const p = opened.case.payload as MediationPayload
  const payload: MediationPayload = { ...p, parties: p.parties.map((x) => (x.side === 'applicant' ? { ...x, userId: null } : x)), proxy: mark }
  return {
    case: { ...opened.case, creatorId, payload },
    // The row is the agent's, in their own role, with the words every 代办 row carries.
    event: { ...opened.event, actorId: agent.userId, actorRole: agent.role, action: PROXY_APPLY, note: proxyNote(mark) },
  }
}

/** The claimed case: the person's account is its creator and its applicant. */
export function claimApplication(c: Case, userId: string): Case {
  const p = c.payload as MediationPayload
  return { ...c, payload: { ...p, parties: p.parties.map((x) => (x.side === 'applicant' ? { ...x, userId } : x)) } }
}
