/**
 * Encryption of identity numbers and phones at rest. One master key (base64, 32 bytes) from
 * JIEFANG_PII_KEY — the function environment or KMS in production; in local mode generated once
 * into <DATA_DIR>/keys/pii.key, outside the database. HKDF derives the AES-256-GCM key and the
 * HMAC key apart, so the lookup hash reveals nothing about the ciphertexts' key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class Vault {
  private readonly encKey: Buffer
  private readonly macKey: Buffer

  constructor(master: Buffer) {
    if (master.length !== 32) throw new Error('PII master key must be 32 bytes')
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'jiefang pii aes-256-gcm v1', 32))
    this.macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'jiefang pii hmac-sha256 v1', 32))
  }

  /** base64(iv | tag | ciphertext); `aad` (the registration id) binds it to its record. */
  seal(plain: string, aad: string): string {
    const iv = randomBytes(12)
    const c = createCipheriv('aes-256-gcm', this.encKey, iv)
    c.setAAD(Buffer.from(aad, 'utf8'))
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()])
    return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64')
  }

  /** Throws when the ciphertext was altered or belongs to another record. */
  open(sealed: string, aad: string): string {
    const raw = Buffer.from(sealed, 'base64')
    const d = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12))
    d.setAAD(Buffer.from(aad, 'utf8'))
    d.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')
  }

  /** Keyed hash of a normalised document (type included, so a passport never matches an ID). */
  lookupHash(docType: string, number: string): string {
    return createHmac('sha256', this.macKey).update(`${docType}:${number}`).digest('hex')
  }
}

export class MissingKeyError extends Error {
  constructor() {
    super('JIEFANG_PII_KEY is not set: identity numbers cannot be stored or read')
    this.name = 'MissingKeyError'
  }
}

function parseKey(b64: string): Buffer {
  const key = Buffer.from(b64.trim(), 'base64')
  if (key.length !== 32) throw new Error('JIEFANG_PII_KEY must be base64 of 32 bytes')
  return key
}

/** The master key from the environment, or in local mode from (created once) <dataDir>/keys/pii.key. */
export function loadPiiKey(env: Record<string, string | undefined>, local: { dataDir: string } | null): Buffer | null {
  if (env.JIEFANG_PII_KEY) return parseKey(env.JIEFANG_PII_KEY)
  if (!local) return null
  const dir = join(local.dataDir, 'keys')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, 'pii.key')
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
  chmodSync(file, 0o600)
  return parseKey(readFileSync(file, 'utf8'))
}
