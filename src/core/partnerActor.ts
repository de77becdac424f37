import type { Actor } from './roles'

/**
 * An outside system (an Open311 client, a 12345 platform) acting on a case: the creator of the
 * cases it files and the actor of their first timeline row is `partner:<partnerId>`. No account
 * can hold such an id, so nobody gains a reporter's powers (confirming, rating, reopening) from it,
 * and nobody is told (the inbox skips it).
 */
const PARTNER = 'partner:'

export function partnerActorId(partnerId: string): string {
  return `${PARTNER}${partnerId}`
}

export function isPartnerActorId(userId: string): boolean {
  return userId.startsWith(PARTNER)
}

/** The partner's id in such an actor id, else null. */
export function partnerIdOf(userId: string): string | null {
  return isPartnerActorId(userId) ? userId.slice(PARTNER.length) : null
}

/** The actor a use case acts as for a partner: no grants, so no staff move is open to it. */
export function partnerActor(partnerId: string, name: string): Actor {
  return { userId: partnerActorId(partnerId), name, grants: [] }
}
