/**
 * 代办: a case a grid worker or 代办员 filed for a named person who was present. Every kind marks it
 * the same way, so the timeline words, who may follow it and the claim by phone are one thing:
 *
 * - the payload's `proxy` mark names the agent and the person (masks in clear, the full name and
 *   phone sealed by the backend's vault with the case id);
 * - until the person claims it, the case's creator is a marker made from a keyed hash of the
 *   person's phone (`proxiedCreator`): no account can hold it, so nobody gains the creator's powers
 *   (confirming an agreement, rating, reopening) by having typed the case in, and the person's
 *   cases are found by the existing creator query once their own phone is verified;
 * - the agent reads and follows the case through `proxiedBy` (a kind's scope) until it is claimed;
 *   the claim (`account.claimProxied`) makes the person's account its creator and ends that.
 */
import type { Case } from './case'
import { ROLE_LABELS, type Actor } from './roles'

/** The roles that file for someone: a grid worker's own grant wins over a 代办员's. */
export type ProxyAgentRole = 'grid_worker' | 'proxy_agent'

export interface ProxyMark {
  /** The agent who filed it. Absent on reports filed before the mark named them (their creator is the agent). */
  agentId?: string
  agentName?: string
  agentRole?: ProxyAgentRole
  /** The person's name and phone as masks (张*明, 138****0000). */
  name: string
  phone: string
  /** `{ name, phone }` sealed by the backend's vault, the case id as associated data. */
  sealed?: string
  /** When the person claimed it into their own account (the creator is then theirs). */
  claimedAt?: string
}

const PROXIED = 'proxy:'

/** The creator of an unclaimed proxied case: a marker from the keyed hash of the person's phone. */
export function proxiedCreator(phoneHash: string): string {
  return `${PROXIED}${phoneHash}`
}

/** Whether a creator id is such a marker (the case waits for its person to claim it). */
export function isProxiedCreator(creatorId: string): boolean {
  return creatorId.startsWith(PROXIED)
}

export function proxyMarkOf(c: Case): ProxyMark | undefined {
  const p = (c.payload as { proxy?: unknown }).proxy
  return p !== null && typeof p === 'object' ? (p as ProxyMark) : undefined
}

/** Whether the case waits to be claimed by its person's phone. */
export function isClaimable(c: Case): boolean {
  return isProxiedCreator(c.creatorId) && proxyMarkOf(c) !== undefined
}

/**
 * The agent who may still follow the case (a kind's `KindScope.proxiedBy`): theirs until the person
 * claims it. A report filed before the mark named its agent has the agent as its creator.
 */
export function proxiedBy(c: Case): string | null {
  const mark = proxyMarkOf(c)
  if (!mark || mark.claimedAt) return null
  return mark.agentId ?? (isProxiedCreator(c.creatorId) ? null : c.creatorId)
}

/** The role an agent files under, or undefined when they may not file for anyone. */
export function proxyAgentRole(actor: Actor): ProxyAgentRole | undefined {
  if (actor.grants.some((g) => g.role === 'grid_worker')) return 'grid_worker'
  if (actor.grants.some((g) => g.role === 'proxy_agent')) return 'proxy_agent'
  return undefined
}

/** The agent's part of the mark (the backend adds the person's masks and seal). */
export function agentOf(actor: Actor, role: ProxyAgentRole): Pick<ProxyMark, 'agentId' | 'agentName' | 'agentRole'> {
  return { agentId: actor.userId, agentName: actor.name, agentRole: role }
}

/** The timeline's words for the filing row: 「代办：网格员 王伟 代 张*明 办理」. */
export function proxyNote(mark: ProxyMark): string {
  const who = mark.agentName ? `${ROLE_LABELS[mark.agentRole ?? 'grid_worker']} ${mark.agentName}` : ROLE_LABELS[mark.agentRole ?? 'grid_worker']
  return `代办：${who} 代 ${mark.name} 办理`
}

/** What the mark calls the person once they deleted their account (as a mediation party reads). */
const ERASED = '已注销用户'

/** Whether the mark still holds the person's name or phone (a sealed copy or the masks). */
export function holdsPerson(mark: ProxyMark | undefined): boolean {
  return mark !== undefined && (mark.sealed !== undefined || mark.name !== ERASED || mark.phone !== '')
}

/** The mark after the person who claimed it deleted their account (注销账号): who filed it stays, the person goes. */
export function erasedMark(mark: ProxyMark): ProxyMark {
  const { sealed: _sealed, ...rest } = mark
  return { ...rest, name: ERASED, phone: '' }
}

/** The short tag staff and the person see on a proxied case. */
export const PROXY_TAG = '代办'

/** The claim's timeline action and its words; every kind that can be proxied spreads these into its eventLabels. */
export const CLAIM_PROXIED = 'claim_proxied'
export const PROXY_EVENT_LABELS = { [CLAIM_PROXIED]: '本人认领' } as const

/** The person's declaration the agent ticks on every 代办 form. */
export const PROXY_DECLARATION = '本人确认当事人在场并同意代为申请'
