import type Database from 'better-sqlite3'
import type { CheckinPayload } from '../../../src/core/kinds/checkin'
import type { MediationPayload } from '../../../src/core/kinds/mediationTerms'
import type { ReportPayload } from '../../../src/core/kinds/reportTerms'
import { maskCorrectionNote } from '../../../src/core/names'
import { loadPiiKey, Vault } from '../../crypto/vault'
import { sealPayloadNames } from '../../usecases/mediation/names'
import { sealPayloadProxy } from '../../usecases/report/proxyPerson'
import { sealPayloadTenant } from '../../usecases/rental/tenantNames'

/**
 * SQL functions over the PII vault, for migrations that seal data stored in clear before (the
 * mediation parties' phones and names, proxy reports' residents, tenants' names). The key is the one the functions use: JIEFANG_PII_KEY, else
 * <dataDir>/keys/pii.key; it is loaded on the first call only, so a database with nothing to seal
 * never creates a key file.
 */
export function registerPiiFunctions(db: Database.Database, dataDir: string): void {
  let vault: Vault | undefined
  const v = () => (vault ??= new Vault(loadPiiKey(process.env, { dataDir })!))
  db.function('jf_pii_seal', { deterministic: false }, (plain: unknown, aad: unknown) => v().seal(String(plain), String(aad)))
  db.function('jf_pii_hash', { deterministic: true }, (kind: unknown, value: unknown) => v().lookupHash(String(kind), String(value)))
  // A case payload with the real names it holds sealed as the backend seals them on write.
  db.function('jf_pii_seal_payload', { deterministic: false }, (kind: unknown, payload: unknown, id: unknown) => {
    const p = JSON.parse(String(payload)) as unknown
    if (kind === 'mediation') return JSON.stringify(sealPayloadNames(v(), String(id), p as MediationPayload))
    if (kind === 'report') return JSON.stringify(sealPayloadProxy(v(), String(id), p as ReportPayload))
    if (kind === 'checkin') return JSON.stringify(sealPayloadTenant(v(), String(id), p as CheckinPayload))
    return String(payload)
  })
  db.function('jf_mask_correction', { deterministic: true }, (note: unknown) => (typeof note === 'string' ? maskCorrectionNote(note) : note))
}
