import { createHash } from 'node:crypto'
import type { IntegrationPartner } from '../../backend/ports'

/** An Open311 client holding `key`, as 接口密钥（Open311） stores it: the key's SHA-256 and its last four characters. */
export function open311Partner(id: string, name: string, key: string, jurisdictionId: string, createdAt = new Date().toISOString()): IntegrationPartner {
  return {
    id,
    kind: 'open311',
    name,
    jurisdictionId,
    keyHash: createHash('sha256').update(key).digest('hex'),
    keyHint: key.slice(-4),
    secretSealed: null,
    webhookUrl: null,
    createdAt,
    createdBy: 'demo-admin',
    revokedAt: null,
  }
}
