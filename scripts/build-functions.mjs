// Bundles each cloud function of the table (backend/functions/index.json) from
// backend/functions/<name>.ts into cloudfunctions/<name>/index.js, deployable as is, with its
// package.json and config.json written from the table; and the local server into dist-server/server.js.
// `--out <dir>` builds the functions there instead of cloudfunctions/ (the local server is left alone);
// `--metafile <dir>` also writes esbuild's metafile of each bundle there (what each byte comes from).
import { build } from 'esbuild'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFunctionTable, writeFunctionFiles } from './functions-table.mjs'
import { buildSdk, SDK_FILE } from './sdk-bundle.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const table = readFunctionTable()

// Native and platform SDKs stay outside the bundle: better-sqlite3 is only ever required in local
// mode, and wx-server-sdk (the voip function alone names it) is installed by CloudBase from that
// function's package.json (the table's dependencies). @cloudbase/node-sdk is built once into sdk.js
// and its deferred parts (scripts/sdk-bundle.mjs), written beside every function's index.js.
const external = ['better-sqlite3', '@cloudbase/node-sdk', 'wx-server-sdk']

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', external, legalComments: 'none', logLevel: 'warning', sourcemap: false }

/** A function bundle requires the SDK from its own folder (the local server keeps node_modules'). */
const sdkBeside = {
  name: 'sdk-beside',
  setup(b) {
    b.onResolve({ filter: /^@cloudbase\/node-sdk$/ }, () => ({ path: `./${SDK_FILE}`, external: true }))
  },
}

/**
 * A cold start reads and parses the whole bundle, so function bundles are minified (budget: 250 KB
 * each, test/functions/bundles.test.ts). Nothing reads a class's or function's own name: errors set
 * `name` themselves, and failures are logged by it and their message (backend/functions/handler.ts).
 * The Chinese text stays UTF-8 (3 bytes a character) instead of \uXXXX escapes (6).
 */
const functionBuild = { ...common, external: external.filter((e) => e !== '@cloudbase/node-sdk'), minify: true, charset: 'utf8' }

/**
 * Local mode's adapters (SQLite, files under DATA_DIR, WeChat stand-ins: backend/localAdapters.ts)
 * are built once into local.js beside each function's index.js; runtime.ts requires them only in
 * local mode, so the deployed bundle carries none of them.
 */
const LOCAL_FILE = 'local.js'
const localAdaptersOutside = {
  name: 'local-adapters-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/localAdapters$/ }, (args) => (args.importer.endsWith(join('backend', 'runtime.ts')) ? { path: `./${LOCAL_FILE}`, external: true } : undefined))
  },
}

/**
 * Code that only a few actions of one function need is built into a file of its own beside that
 * function's index.js and required by those actions on their first call, so a cold start neither
 * downloads nor parses it: the function's entry names it as `require('<module>')` (admin: the
 * org-plan geometry, backend/functions/adminOrg.ts).
 */
const LAZY_PARTS = {
  admin: [{ module: './adminOrg', source: 'backend/functions/adminOrg.ts', file: 'org.js' }],
}
function lazyPartsOutside(name) {
  const parts = LAZY_PARTS[name] ?? []
  return {
    name: 'lazy-parts-outside',
    setup(b) {
      b.onResolve({ filter: /^\.\// }, (args) => {
        const part = parts.find((p) => p.module === args.path)
        return part && args.importer.endsWith(join('backend', 'functions', `${name}.ts`)) ? { path: `./${part.file}`, external: true } : undefined
      })
    },
  }
}

/**
 * local.js hands the recorded image verdicts to the cases function's bundle beside its folder, as
 * WeChat pushes them to that function, instead of carrying the report area's moderation code: a
 * bundle run on its own loads the cases bundle on the first verdict and hands it its host, so both
 * use one SQLite handle; in the local server it is already loaded and bound.
 */
const CASES_RECEIVER = `
exports.receiveVerdict = (host, _deps, event) => {
  const cases = require('../cases/index.js')
  if (!cases.isBound()) cases.bind(host)
  return cases.main(event, {})
}
`
const verdictsToCasesBundle = {
  name: 'verdicts-to-cases-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/mediaVerdicts$/ }, (args) => (args.importer.endsWith('localAdapters.ts') ? { path: 'cases-receiver', namespace: 'jf-local' } : undefined))
    b.onResolve({ filter: /^\.\.\/cases\/index\.js$/, namespace: 'jf-local' }, (args) => ({ path: args.path, external: true }))
    b.onLoad({ filter: /.*/, namespace: 'jf-local' }, () => ({ contents: CASES_RECEIVER, loader: 'js' }))
  },
}

/**
 * robust-predicates (under turf's point-in-polygon, in every bundle's grid lookup) does not declare
 * itself free of side effects, so esbuild kept all four predicates for the one used (orient2d);
 * its modules only define functions and their scratch arrays, so unused ones may go.
 */
const PURE_PACKAGES = ['robust-predicates']
const purePackages = {
  name: 'pure-packages',
  setup(b) {
    const inside = (importer) => PURE_PACKAGES.some((p) => importer.includes(`${join('node_modules', p)}${'/'}`))
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.pure || !(PURE_PACKAGES.includes(args.path) || inside(args.importer))) return undefined
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { pure: true } })
      return r.errors.length ? undefined : { ...r, sideEffects: false }
    })
  },
}

const option = (name) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null)
const metaDir = option('metafile')
const fnRoot = option('out') ?? join(root, 'cloudfunctions')
if (metaDir) mkdirSync(metaDir, { recursive: true })
function keepMeta(name, result) {
  if (metaDir) writeFileSync(join(metaDir, `${name}.meta.json`), JSON.stringify(result.metafile))
}

/**
 * A function's bundle exports its `main` and `bind(host)`: the local server loads every bundle
 * into one process and hands them one host (clock, data epoch, SQLite handles; backend/host.ts).
 */
function functionEntry(name) {
  const contents = `export * from './${name}'\nexport { bind, isBound } from '../runtime'\n`
  return { contents, resolveDir: join(root, 'backend/functions'), sourcefile: `${name}.entry.ts`, loader: 'ts' }
}

const started = Date.now()
const sdk = buildSdk({ metafile: Boolean(metaDir) })
const local = build({ ...functionBuild, plugins: [verdictsToCasesBundle], entryPoints: [join(root, 'backend/localAdapters.ts')], write: false, outfile: join(fnRoot, LOCAL_FILE), metafile: Boolean(metaDir) })
await Promise.all([
  ...table.map(async (fn) => {
    writeFunctionFiles(fn, fnRoot)
    const r = await build({ ...functionBuild, plugins: [sdkBeside, purePackages, localAdaptersOutside, lazyPartsOutside(fn.name)], stdin: functionEntry(fn.name), outfile: join(fnRoot, fn.name, 'index.js'), metafile: Boolean(metaDir) })
    keepMeta(fn.name, r)
    for (const part of LAZY_PARTS[fn.name] ?? []) {
      const p = await build({ ...functionBuild, plugins: [sdkBeside, purePackages, localAdaptersOutside], entryPoints: [join(root, part.source)], outfile: join(fnRoot, fn.name, part.file), metafile: Boolean(metaDir) })
      keepMeta(`${fn.name}.${part.file.replace(/\.js$/, '')}`, p)
    }
    const l = await local
    writeFileSync(join(fnRoot, fn.name, LOCAL_FILE), l.outputFiles[0].contents)
    for (const [file, bytes] of Object.entries((await sdk).files)) writeFileSync(join(fnRoot, fn.name, file), bytes)
  }),
  local.then((r) => keepMeta('local', r)),
  sdk.then((r) => Object.entries(r.metafiles).forEach(([file, meta]) => keepMeta(file.replace(/\.js$/, ''), { metafile: meta }))),
  ...(option('out') ? [] : [
    build({ ...common, entryPoints: [join(root, 'backend/server/main.ts')], outfile: join(root, 'dist-server/server.js') }),
    build({ ...common, entryPoints: [join(root, 'backend/tools/district.ts')], outfile: join(root, 'dist-server/district.js') }),
  ]),
])
console.log(`built ${table.length} functions${option('out') ? ` into ${fnRoot}` : ' and the local server'} in ${Date.now() - started} ms`)
