import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { IntegrationPartner } from '../../ports'
import { requireDistrictAdmin } from '../admin/access'
import { auditChange } from './audit'
import { apiKeyHash, newApiKey } from './credentials'
import { partnerView } from './views'

/**
 * An Open311 API key for a named client, bound to this district's jurisdiction_id. Only its hash
 * and last four characters are stored; the key is answered this once.
 */
export async function issueKey(d: Deps, actor: Actor, input: { name: string }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const key = newApiKey()
  const partner: IntegrationPartner = {
    id: d.newId(),
    kind: 'open311',
    name: input.name,
    jurisdictionId: d.config.district.code,
    keyHash: apiKeyHash(key),
    keyHint: key.slice(-4),
    secretSealed: null,
    webhookUrl: null,
    createdAt: d.clock.now().toISOString(),
    createdBy: actor.userId,
    revokedAt: null,
  }
  await auditChange(d, actor, 'issueKey', partner.id, partner.name)
  await d.store.addPartner(partner)
  return { ok: true as const, partner: partnerView(d, partner), key }
}
