// Bundles each cloud function of the table (backend/functions/index.json) from
// backend/functions/<name>.ts into cloudfunctions/<name>/index.js, deployable as is, with its
// package.json and config.json written from the table; and the local server into dist-server/server.js.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFunctionTable, writeFunctionFiles } from './functions-table.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const table = readFunctionTable()

// Native and platform SDKs stay outside the bundle: each function's package.json (the table's
// dependencies) installs @cloudbase/node-sdk on CloudBase, and wx-server-sdk for the voip function alone (the
// only bundle that names it); better-sqlite3 is only ever required in local mode.
const external = ['better-sqlite3', '@cloudbase/node-sdk', 'wx-server-sdk']

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', external, legalComments: 'none', logLevel: 'warning', sourcemap: false }

/**
 * A function's bundle exports its `main` and `bind(host)`: the local server loads every bundle
 * into one process and hands them one host (clock, data epoch, SQLite handles; backend/host.ts).
 */
function functionEntry(name) {
  const contents = `export * from './${name}'\nexport { bind } from '../runtime'\n`
  return { contents, resolveDir: join(root, 'backend/functions'), sourcefile: `${name}.entry.ts`, loader: 'ts' }
}

const started = Date.now()
await Promise.all([
  ...table.map(async (fn) => {
    writeFunctionFiles(fn, join(root, 'cloudfunctions'))
    await build({ ...common, stdin: functionEntry(fn.name), outfile: join(root, 'cloudfunctions', fn.name, 'index.js') })
  }),
  build({ ...common, entryPoints: [join(root, 'backend/server/main.ts')], outfile: join(root, 'dist-server/server.js') }),
  build({ ...common, entryPoints: [join(root, 'backend/tools/district.ts')], outfile: join(root, 'dist-server/district.js') }),
])
console.log(`built ${table.length} functions and the local server in ${Date.now() - started} ms`)
