/**
 * A person's own phone (我的): sealed with the PII vault, the user id as associated data, so a
 * ciphertext copied onto another user does not open. `User.phone` is the staff's public work phone
 * and never this one.
 */
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'
import type { User } from '../../ports'

/** The caller's own phone in clear, or null when none is set or no key is configured here. */
export function ownPhone(d: Deps, user: User): string | null {
  const sealed = user.profile?.phoneSealed
  if (!sealed || !d.vault) return null
  return d.vault.open(sealed, user.id)
}

export function sealOwnPhone(v: Vault, userId: string, phone: string): string {
  return v.seal(phone, userId)
}
