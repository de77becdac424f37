import { createHash, randomBytes } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** Bytes at or above this would make some characters likelier than others (256 = 4 × 62 + 8). */
const UNBIASED = 248

/** An Open311 API key: `jf311_` and 32 base62 characters (about 190 bits). */
export function newApiKey(): string {
  let out = ''
  while (out.length < 32) {
    for (const b of randomBytes(40)) {
      if (b < UNBIASED && out.length < 32) out += BASE62[b % 62]
    }
  }
  return `jf311_${out}`
}

/** How a key is stored and looked up (integrations port: keyHash). */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** A shared secret for HMAC signatures (12345 platforms, webhook subscribers): 32 random bytes, base64url. */
export function newSharedSecret(): string {
  return randomBytes(32).toString('base64url')
}
