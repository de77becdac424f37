import { randomBytes } from 'node:crypto'

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** 10 characters of a 31-letter alphabet (about 50 bits): printed on paper, never guessable. */
export function newBuildingCode(): string {
  const bytes = randomBytes(10)
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}
