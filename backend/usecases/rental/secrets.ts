import { fail, type Failure } from '../../../src/core/outcome'
import type { Vault } from '../../crypto/vault'
import type { RegistrationSecret } from '../../rentalPorts'
import type { Deps } from '../../runtime'

/** Without its key the system can neither store nor show identity numbers: refuse, retryably. */
export function vaultOf(d: Deps): Vault | Failure {
  return d.vault ?? { ...fail('UNAVAILABLE', '实名登记服务暂不可用，请稍后重试'), retryable: true }
}

export function isVault(v: Vault | Failure): v is Vault {
  return !('ok' in v)
}

export interface OpenSecret {
  docNumber: string | null
  phone: string | null
}

/** The plain values of one registration, for its own people and the audited reveal. */
export function openSecret(v: Vault, s: RegistrationSecret | null): OpenSecret {
  if (!s) return { docNumber: null, phone: null }
  return {
    docNumber: s.docCipher ? v.open(s.docCipher, s.caseId) : null,
    phone: s.phoneCipher ? v.open(s.phoneCipher, s.caseId) : null,
  }
}
