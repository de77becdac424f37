import { existsSync } from 'node:fs'
import { join } from 'node:path'
import table from '../functions/index.json'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

/**
 * The compiled bundles in cloudfunctions/<name>/index.js — the very files deployed to
 * CloudBase — loaded once each, for the functions of the table (backend/functions/index.json).
 */
export function loadFunctions(root: string): Map<string, FunctionMain> {
  const out = new Map<string, FunctionMain>()
  // In name order, as the folders were listed before the table.
  for (const name of table.functions.map((f) => f.name).sort()) {
    const file = join(root, name, 'index.js')
    if (!existsSync(file)) continue
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { main?: FunctionMain }
    if (typeof mod.main === 'function') out.set(name, mod.main)
  }
  return out
}
