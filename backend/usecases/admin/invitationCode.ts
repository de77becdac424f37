import { createHash, randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: codes are read aloud and typed. 31^8 ≈ 8.5e11. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex')

export function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/** What a person may have typed: spaces, dashes and lower case are forgiven. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase()
}
