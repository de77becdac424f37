import { fail, type Failure } from '../../../src/core/outcome'
import type { Vault } from '../../crypto/vault'
import type { RegistrationSecret } from '../../ports'
import type { Deps } from '../../deps'

let warned = false

/**
 * Without its key the system can neither store nor show identity numbers: refuse, retryably,
 * and say why in the log (once per process; the key itself is never logged).
 */
export function vaultOf(d: Deps): Vault | Failure {
  if (d.vault) return d.vault
  if (!warned) {
    warned = true
    console.error(JSON.stringify({ level: 'error', fn: 'rental', msg: 'JIEFANG_PII_KEY is not configured: rental refuses with UNAVAILABLE until it is set (base64 of 32 bytes, from the function environment or KMS)' }))
  }
  return { ...fail('UNAVAILABLE', '实名登记服务暂不可用，请稍后重试'), retryable: true }
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
