/** Crockford base32, the ULID alphabet, so keys look like the server's ids and sort nowhere special. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Source of random bytes: the platform's crypto where it has one (H5, newer base libraries). */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) return c.getRandomValues(out)
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256)
  return out
}

/** A random id of `length` characters (26 by default: 130 bits, plenty for one draft's idempotency key). */
export function randomId(length = 26): string {
  const bytes = randomBytes(length)
  let s = ''
  for (let i = 0; i < length; i++) s += ALPHABET[bytes[i] & 31]
  return s
}
