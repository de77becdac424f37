import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

/**
 * The compiled bundles in cloudfunctions/<name>/index.js — the very files deployed to
 * CloudBase — loaded once each.
 */
export function loadFunctions(root: string): Map<string, FunctionMain> {
  const out = new Map<string, FunctionMain>()
  if (!existsSync(root)) return out
  for (const name of readdirSync(root)) {
    const file = join(root, name, 'index.js')
    if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(file)) continue
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { main?: FunctionMain }
    if (typeof mod.main === 'function') out.set(name, mod.main)
  }
  return out
}
