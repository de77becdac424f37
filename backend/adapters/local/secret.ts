import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The local signing secret: generated into DATA_DIR on first start so no secret ever sits in the
 * repository; `wx` makes two processes starting at once agree on one secret.
 */
export function loadOrCreateSecret(dataDir: string, name = 'session.secret'): Buffer {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, name)
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
  chmodSync(file, 0o600)
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
}
