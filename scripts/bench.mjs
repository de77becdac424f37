// `npm run bench`: builds what the figures measure (functions, H5, mini-program), bundles
// bench/main.ts and bench/figures/*.ts with esbuild and runs the bench in plain Node.
// `npm run bench -- --no-build` reuses the existing builds; `--only=submit,queue` runs some figures.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function step(script) {
  const r = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) {
    console.error(`npm run ${script} failed`)
    process.exit(1)
  }
}

if (!args.includes('--no-build')) {
  process.stderr.write('building functions, H5 and the mini-program …\n')
  for (const s of ['build:functions', 'build:h5', 'build:weapp']) step(s)
}

const out = mkdtempSync(join(tmpdir(), 'jf-bench-build-'))
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', external: ['better-sqlite3', '@cloudbase/node-sdk', 'autocannon', 'playwright-core'], logLevel: 'warning' }
try {
  const figures = readdirSync(join(root, 'bench', 'figures')).filter((n) => n.endsWith('.ts'))
  await Promise.all([
    build({ ...common, entryPoints: [join(root, 'bench', 'main.ts')], outfile: join(out, 'main.cjs') }),
    ...figures.map((f) => build({ ...common, entryPoints: [join(root, 'bench', 'figures', f)], outfile: join(out, 'figures', f.replace(/\.ts$/, '.cjs')) })),
  ])
  const r = spawnSync(process.execPath, [join(out, 'main.cjs'), ...args], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_PATH: join(root, 'node_modules'), BENCH_BUILD: out, BENCH_ROOT: root } })
  process.exitCode = r.status ?? 1
} finally {
  rmSync(out, { recursive: true, force: true })
}
