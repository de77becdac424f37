import { fail, type Failure } from '../../../src/core/outcome'
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'

/**
 * Where we may POST: https anywhere; plain http only to this machine while running the local
 * server (a test's or a developer's receiver). On CloudBase a secret must never cross in clear.
 */
export function webhookUrlRefusal(d: Deps, url: string, field: 'url' | 'webhookUrl'): Failure | null {
  const u = new URL(url)
  if (u.protocol === 'https:') return null
  if (d.mode === 'local' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')) return null
  const message = d.mode === 'local' ? '地址须以「https://」开头（本机测试可用「http://127.0.0.1」或「http://localhost」）' : '地址须以「https://」开头'
  return fail('VALIDATION', message, { [field]: message })
}

/** Secrets are sealed before they are stored; without the key (JIEFANG_PII_KEY) nothing is issued. */
export function vaultFor(d: Deps): Vault | Failure {
  return d.vault ?? { ...fail('UNAVAILABLE', '加密密钥未配置，暂时无法生成对接密钥，请联系运维人员'), retryable: true }
}
