import type { Vault } from '../../crypto/vault'
import type { IntegrationPartner } from '../../ports'

/**
 * A 12345 partner's shared secret as the HMAC key: the text the admin was shown once
 * (integrations.addHotline), as UTF-8 bytes, unsealed with the partner id as associated data.
 * Null when the partner has none or the vault is not configured here.
 */
export function partnerSecret(vault: Vault | undefined, p: IntegrationPartner): Buffer | null {
  if (!vault || !p.secretSealed) return null
  return Buffer.from(vault.open(p.secretSealed, p.id), 'utf8')
}
