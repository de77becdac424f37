import { isFailure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { IntegrationPartner } from '../../ports'
import { requireDistrictAdmin } from '../admin/access'
import { vaultFor, webhookUrlRefusal } from './access'
import { auditChange } from './audit'
import { newSharedSecret } from './credentials'
import { partnerView } from './views'

/**
 * A 12345 platform: its work orders come in signed with the shared secret, our replies go out to
 * `webhookUrl` signed with it. The secret is sealed (it must be recoverable to sign) and answered
 * this once.
 */
export async function addHotline(d: Deps, actor: Actor, input: { name: string; webhookUrl: string }) {
  const denied = requireDistrictAdmin(d, actor) ?? webhookUrlRefusal(d, input.webhookUrl, 'webhookUrl')
  if (denied) return denied
  const vault = vaultFor(d)
  if (isFailure(vault)) return vault
  const id = d.newId()
  const secret = newSharedSecret()
  const partner: IntegrationPartner = {
    id,
    kind: 'hotline',
    name: input.name,
    jurisdictionId: d.config.district.code,
    keyHash: null,
    keyHint: null,
    secretSealed: vault.seal(secret, id),
    webhookUrl: input.webhookUrl,
    createdAt: d.clock.now().toISOString(),
    createdBy: actor.userId,
    revokedAt: null,
  }
  await auditChange(d, actor, 'addHotline', id, partner.name)
  await d.store.addPartner(partner)
  return { ok: true as const, partner: partnerView(d, partner), secret }
}
