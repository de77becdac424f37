import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { RunningServer } from './server'

/** Every file under `dir`, at any depth. */
export function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? dataFiles(p) : [p]
  })
}

/**
 * Which secrets a running server left in clear: in any file of its data directory (as UTF-8
 * bytes) or in its output. `filesOnly` are looked for in the files but not the output.
 */
export function secretsLeft(srv: RunningServer, secrets: string[], filesOnly: string[] = []): { files: string[]; found: string[] } {
  const files = dataFiles(srv.dataDir)
  const found: string[] = []
  for (const f of files) {
    const bytes = readFileSync(f)
    for (const s of [...secrets, ...filesOnly]) if (bytes.includes(Buffer.from(s, 'utf8'))) found.push(`${s} in ${f}`)
  }
  for (const s of secrets) if (srv.output().includes(s)) found.push(`${s} in server output`)
  return { files, found }
}
