import { randomFillSync } from 'node:crypto'

/**
 * The random source of the ULIDs (`ulid`'s monotonicFactory). Its default calls
 * crypto.randomBytes(1) once per character, sixteen calls per id: in the CPU profile of submit
 * under load (bench figure 1) that was 7 % of the server. One 4 KB draw from the same CSPRNG
 * serves 256 ids. A byte / 256 lies in [0, 1), and 256 is a multiple of ULID's 32 letters, so
 * each letter stays equally likely.
 */
const pool = Buffer.alloc(4096)
let next = pool.length

export function pooledRandom(): number {
  if (next >= pool.length) {
    randomFillSync(pool)
    next = 0
  }
  return pool[next++]! / 256
}
