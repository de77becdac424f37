// `npm run bench`: bundles each bench/*.ts with esbuild and runs it in plain Node.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'jf-bench-build-'))
let failed = false
for (const f of readdirSync(join(root, 'bench')).filter((n) => n.endsWith('.ts'))) {
  const file = join(out, f.replace(/\.ts$/, '.cjs'))
  await build({ entryPoints: [join(root, 'bench', f)], outfile: file, bundle: true, platform: 'node', target: 'node18', format: 'cjs', external: ['better-sqlite3', '@cloudbase/node-sdk'], logLevel: 'warning' })
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_PATH: join(root, 'node_modules') } })
  failed ||= r.status !== 0
}
process.exit(failed ? 1 : 0)
