// The cloud function table (backend/functions/index.json) and what follows from it: the
// cloudfunctions/<name>/package.json and config.json files (written by build-functions.mjs), the
// functions of cloudbaserc.json (checked here for drift; `--write` rewrites them from the table).
//
//   node scripts/functions-table.mjs          lists the differences; exit 1 on any
//   node scripts/functions-table.mjs --write  rewrites cloudbaserc.json's functions and the folders' files
// Options (tests point them at temp copies): --rc <cloudbaserc.json> --functions <dir> --table <index.json>
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const TABLE_FILE = join(root, 'backend/functions/index.json')
const NAME = /^[a-z][a-z0-9-]*$/

/** The functions, each with the table's defaults filled in; a malformed table throws. */
export function readFunctionTable(file = TABLE_FILE) {
  const table = JSON.parse(readFileSync(file, 'utf8'))
  const seen = new Set()
  return table.functions.map((f) => {
    if (!NAME.test(f.name ?? '')) throw new Error(`${file}: bad function name ${JSON.stringify(f.name)}`)
    if (seen.has(f.name)) throw new Error(`${file}: function ${f.name} is listed twice`)
    seen.add(f.name)
    return { secrets: [], timers: [], ...table.defaults, ...f }
  })
}

/** The cloudbaserc.json entry the table implies, in cloudbaserc.json's key order. */
export function rcEntry(fn) {
  return {
    name: fn.name,
    handler: 'index.main',
    runtime: fn.runtime,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    // Only a function with packages beyond its bundle (voip: wx-server-sdk) has CloudBase install them.
    installDependency: Object.keys(fn.dependencies ?? {}).length > 0,
    envVariables: { JIEFANG_MODE: 'cloudbase', ...Object.fromEntries(fn.secrets.map((s) => [s, `{{env.${s}}}`])) },
    ...(fn.timers.length > 0 ? { triggers: timerTriggers(fn) } : {}),
  }
}

const timerTriggers = (fn) => fn.timers.map((t) => ({ name: t.name, type: 'timer', config: t.config }))

/** cloudfunctions/<name>/package.json: what CloudBase installs beside the bundle. */
export function packageJson(fn) {
  return { name: `jiefang-fn-${fn.name}`, version: '1.0.0', private: true, main: 'index.js', dependencies: fn.dependencies }
}

/** cloudfunctions/<name>/config.json, for a function with timers (null otherwise). */
export function configJson(fn) {
  return fn.timers.length > 0 ? { triggers: timerTriggers(fn) } : null
}

const text = (v) => `${JSON.stringify(v, null, 2)}\n`
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)

/** Writes a function folder's package.json and config.json from the table. */
export function writeFunctionFiles(fn, fnRoot = join(root, 'cloudfunctions')) {
  const dir = join(fnRoot, fn.name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), text(packageJson(fn)))
  const config = configJson(fn)
  if (config) writeFileSync(join(dir, 'config.json'), text(config))
}

/**
 * Every way cloudbaserc.json's functions (and, given fnRoot, the function folders) differ from the
 * table, one line each. Variables cloudbaserc.json adds beyond the table's are left to deploy:check.
 */
export function functionDrift(table, rc, fnRoot) {
  const out = []
  const entries = new Map((rc.functions ?? []).map((f) => [f.name, f]))
  for (const fn of table) {
    const want = rcEntry(fn)
    const got = entries.get(fn.name)
    if (!got) {
      out.push(`function ${fn.name} is built but missing from cloudbaserc.json functions`)
      continue
    }
    for (const key of ['handler', 'runtime', 'timeout', 'memorySize', 'installDependency', 'triggers']) {
      if (!same(got[key], want[key])) out.push(`function ${fn.name}: cloudbaserc.json has ${key} ${JSON.stringify(got[key])}, backend/functions/index.json says ${JSON.stringify(want[key])}`)
    }
    for (const [k, v] of Object.entries(want.envVariables)) {
      if (got.envVariables?.[k] !== v) out.push(`function ${fn.name}: cloudbaserc.json has env ${k} ${JSON.stringify(got.envVariables?.[k])}, backend/functions/index.json says ${JSON.stringify(v)}`)
    }
  }
  for (const name of entries.keys()) {
    if (!table.some((fn) => fn.name === name)) out.push(`cloudbaserc.json declares function ${name}, which backend/functions/index.json does not list`)
  }
  if (fnRoot) out.push(...folderDrift(table, fnRoot))
  return out
}

function folderDrift(table, fnRoot) {
  const out = []
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)
  for (const fn of table) {
    const dir = join(fnRoot, fn.name)
    const pkg = read(join(dir, 'package.json'))
    if (!pkg) out.push(`function ${fn.name}: cloudfunctions/${fn.name}/package.json is missing`)
    else if (!same(pkg, packageJson(fn))) out.push(`function ${fn.name}: cloudfunctions/${fn.name}/package.json differs from backend/functions/index.json (npm run build:functions rewrites it)`)
    const config = read(join(dir, 'config.json'))
    if (!same(config, configJson(fn))) out.push(`function ${fn.name}: cloudfunctions/${fn.name}/config.json differs from backend/functions/index.json (npm run build:functions rewrites it)`)
  }
  if (existsSync(fnRoot)) {
    for (const name of readdirSync(fnRoot)) {
      if (existsSync(join(fnRoot, name, 'package.json')) && !table.some((fn) => fn.name === name)) out.push(`cloudfunctions/${name} is a function folder, but backend/functions/index.json does not list ${name}`)
    }
  }
  return out
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rcFile = arg('rc', join(root, 'cloudbaserc.json'))
  const fnRoot = arg('functions', join(root, 'cloudfunctions'))
  const table = readFunctionTable(arg('table', TABLE_FILE))
  const rc = JSON.parse(readFileSync(rcFile, 'utf8'))
  if (process.argv.includes('--write')) {
    // Keeps variables cloudbaserc.json adds beyond the table's.
    const old = new Map((rc.functions ?? []).map((f) => [f.name, f]))
    rc.functions = table.map((fn) => {
      const entry = rcEntry(fn)
      return { ...entry, envVariables: { ...old.get(fn.name)?.envVariables, ...entry.envVariables } }
    })
    writeFileSync(rcFile, text(rc))
    for (const fn of table) writeFunctionFiles(fn, fnRoot)
    console.log(`wrote cloudbaserc.json functions and cloudfunctions/*/ files for ${table.length} functions`)
  } else {
    const drift = functionDrift(table, rc, fnRoot)
    for (const d of drift) console.error(`drift ${d}`)
    console.log(drift.length === 0 ? `${table.length} functions: cloudbaserc.json and cloudfunctions/ match backend/functions/index.json` : `${drift.length} difference(s)`)
    process.exitCode = drift.length === 0 ? 0 : 1
  }
}
