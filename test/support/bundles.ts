import { join } from 'node:path'
import type { Host } from '../../backend/host'
import { ROOT } from './server'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BundleMain = (event: unknown, context: unknown) => Promise<any>

/**
 * A built function bundle (cloudfunctions/<name>/index.js) loaded into this process the way the
 * local server loads it: bound to the given host, so it shares the test's SQLite store (opened into
 * `host.sqliteStores`), clock and data epoch instead of opening a second connection of its own.
 */
export function loadBundle(name: string, host: Host): BundleMain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(join(ROOT, `cloudfunctions/${name}/index.js`)) as { main: BundleMain; bind(h: Host): void }
  bundle.bind(host)
  return bundle.main
}
