import { isPartnerActorId } from '../../../src/core/partnerActor'
import { isProxiedCreator } from '../../../src/core/proxyMark'
import type { Deps } from '../../deps'
import type { InboxItem } from '../../ports'

/**
 * The items addressed to people who still have an account. A person who deleted theirs (注销) stays
 * the creator of their cases for the record, and is told nothing more. A case filed 代办 and not yet
 * claimed has a marker as its creator (proxyMark.ts), one filed by an outside system the partner's
 * id (partnerActor.ts): nobody to tell.
 */
export async function forTheLiving(d: Deps, items: readonly InboxItem[]): Promise<InboxItem[]> {
  const living = new Map<string, boolean>()
  for (const id of new Set(items.map((i) => i.userId))) living.set(id, !(await d.store.getUser(id))?.deletedAt)
  return items.filter((i) => !isProxiedCreator(i.userId) && !isPartnerActorId(i.userId) && living.get(i.userId))
}
