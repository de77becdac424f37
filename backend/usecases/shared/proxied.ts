/**
 * The backend's half of the 代办 mark (src/core/proxyMark.ts): the person's name and phone sealed
 * with the case id, and the creator marker made from a keyed hash of the phone's digits, so the
 * person finds the case once their own phone is verified and nothing in clear names them.
 */
import { agentOf, proxiedCreator, type ProxyAgentRole, type ProxyMark } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import type { Vault } from '../../crypto/vault'
import { sealProxy } from '../report/proxyPerson'

/** The lookup hash's namespace in the vault, apart from mediation parties' and identity documents'. */
const HASH_KIND = 'proxy-phone'

/** The creator marker for a person's phone: digits only, so 138-0000-0000 and 13800000000 are one. */
export function proxiedCreatorFor(v: Vault, phone: string): string {
  return proxiedCreator(v.lookupHash(HASH_KIND, phone.replace(/\D/g, '')))
}

/** The mark and creator of a case an agent files for `person` (trimmed here). */
export function proxiedFiling(v: Vault, caseId: string, agent: Actor, role: ProxyAgentRole, person: { name: string; phone: string }): { creatorId: string; mark: ProxyMark } {
  const clear = { name: person.name.trim(), phone: person.phone.trim() }
  return { creatorId: proxiedCreatorFor(v, clear.phone), mark: { ...agentOf(agent, role), ...sealProxy(v, caseId, clear) } }
}
