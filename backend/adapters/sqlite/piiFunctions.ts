import type Database from 'better-sqlite3'
import { loadPiiKey, Vault } from '../../crypto/vault'

/**
 * SQL functions over the PII vault, for migrations that seal data stored in clear before (the
 * mediation parties' phones). The key is the one the functions use: JIEFANG_PII_KEY, else
 * <dataDir>/keys/pii.key; it is loaded on the first call only, so a database with nothing to seal
 * never creates a key file.
 */
export function registerPiiFunctions(db: Database.Database, dataDir: string): void {
  let vault: Vault | undefined
  const v = () => (vault ??= new Vault(loadPiiKey(process.env, { dataDir })!))
  db.function('jf_pii_seal', { deterministic: false }, (plain: unknown, aad: unknown) => v().seal(String(plain), String(aad)))
  db.function('jf_pii_hash', { deterministic: true }, (kind: unknown, value: unknown) => v().lookupHash(String(kind), String(value)))
}
