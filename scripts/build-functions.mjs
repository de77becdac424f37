// Bundles each cloud function (backend/functions/<name>.ts) into cloudfunctions/<name>/index.js,
// deployable as is, and the local server into dist-server/server.js.
import { build } from 'esbuild'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const FUNCTIONS = ['session', 'reports', 'files', 'cases', 'inbox', 'mediation', 'grid', 'rental', 'sla-timer', 'rental-timer']

// Native and platform SDKs stay outside the bundle: each function's package.json installs
// @cloudbase/node-sdk on CloudBase; better-sqlite3 is only ever required in local mode.
const external = ['better-sqlite3', '@cloudbase/node-sdk']

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', external, legalComments: 'none', logLevel: 'warning', sourcemap: false }

const started = Date.now()
await Promise.all([
  ...FUNCTIONS.map(async (name) => {
    const dir = join(root, 'cloudfunctions', name)
    mkdirSync(dir, { recursive: true })
    if (!existsSync(join(dir, 'package.json'))) {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `jiefang-fn-${name}`, version: '1.0.0', private: true, main: 'index.js', dependencies: { '@cloudbase/node-sdk': '^3.18.3' } }, null, 2) + '\n')
    }
    await build({ ...common, entryPoints: [join(root, 'backend/functions', `${name}.ts`)], outfile: join(dir, 'index.js') })
  }),
  build({ ...common, entryPoints: [join(root, 'backend/server/main.ts')], outfile: join(root, 'dist-server/server.js') }),
])
console.log(`built ${FUNCTIONS.length} functions and the local server in ${Date.now() - started} ms`)
