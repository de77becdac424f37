import { existsSync } from 'node:fs'
import { join } from 'node:path'
import table from '../functions/index.json'
import type { Host } from '../host'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

/**
 * The compiled bundles in cloudfunctions/<name>/index.js — the very files deployed to
 * CloudBase — loaded once each, for the functions of the table (backend/functions/index.json),
 * and each bound to the server's host: a bundle has its own copy of every module, so whatever
 * the functions share (clock, data epoch, SQLite handles) reaches them only through it.
 */
export function loadFunctions(root: string, host: Host): Map<string, FunctionMain> {
  const out = new Map<string, FunctionMain>()
  // In name order, as the folders were listed before the table.
  for (const name of table.functions.map((f) => f.name).sort()) {
    const file = join(root, name, 'index.js')
    if (!existsSync(file)) continue
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { main?: FunctionMain; bind?: (host: Host) => void }
    if (typeof mod.main !== 'function') continue
    if (typeof mod.bind !== 'function') throw new Error(`${file} exports no bind(host): rebuild it with npm run build:functions`)
    mod.bind(host)
    out.set(name, mod.main)
  }
  return out
}
