// npm run deploy:check — everything a CloudBase deploy needs, checked offline:
// every function of the table (backend/functions/index.json) is built and loads, with the SDK beside it, cloudbaserc.json's
// functions match the table (scripts/functions-table.mjs), it declares each function (runtime,
// memory, timeout, env var names, timer triggers on a loadable handler) and every collection the
// store uses with its indexes, secrets appear as names (`{{env.NAME}}`) not values, and the
// mini-program build is within WeChat's size caps, and every query the store sends
// (backend/adapters/cloudbase/queries.ts) is served by a declared index, and every check of WeChat's
// code-quality scan passes on the mini-program (scripts/code-quality.mjs). Exit 1 with one line per problem.
//
// Options (tests point them at temp copies): --rc <cloudbaserc.json> --functions <dir>
// --miniprogram <dir> --table <backend/functions/index.json> --project-config <project.config.json>
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { codeQuality } from './code-quality.mjs'
import { functionDrift, readFunctionTable } from './functions-table.mjs'
import { SDK_PARTS } from './sdk-bundle.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const MB = 1024 * 1024
/** WeChat's limits: 2 MB for the main package and for each subpackage, 20 MB in all. */
export const WEAPP_CAPS = { main: 2 * MB, subpackage: 2 * MB, total: 20 * MB }
/** Functions that use the PII vault: they need JIEFANG_PII_KEY. */
const PII_FUNCTIONS = ['rental', 'rental-timer', 'mediation', 'account', 'cases']
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15']
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|(^|_)KEY($|_)/i
const PLACEHOLDER = /^\{\{env\.([A-Z][A-Z0-9_]*)\}\}$/
/** A 7-field CloudBase cron: second minute hour day month weekday year. */
const CRON7 = /^(\S+\s+){6}\S+$/

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback
}

/**
 * The store's collections and their indexes, the queries the adapter sends and the rule saying
 * which index serves one (backend/adapters/cloudbase/queries.ts, queryPlan.ts), from the adapter's own code.
 */
async function storePlan() {
  const dir = mkdtempSync(join(tmpdir(), 'jf-deploy-check-'))
  try {
    const out = join(dir, 'specs.cjs')
    const contents = "export { collectionSpecs } from './indexes'\nexport { QUERIES } from './queries'\nexport { servingIndex, describeQuery } from './queryPlan'\n"
    const stdin = { contents, resolveDir: join(root, 'backend/adapters/cloudbase'), sourcefile: 'plan.entry.ts', loader: 'ts' }
    await build({ stdin, bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['@cloudbase/node-sdk'], logLevel: 'silent' })
    return createRequire(import.meta.url)(out)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Problems of queries no index declared in cloudbaserc.json serves (our policy: none ships unindexed). */
export function unindexedQueries(plan, rcCollections, prefix = 'jf_') {
  const problems = []
  for (const p of plan.QUERIES) {
    const name = `${prefix}${p.collection}`
    const shape = { where: p.where, orderBy: p.orderBy ?? [] }
    if (!plan.servingIndex(shape, rcCollections.get(name)?.createIndexes ?? [])) {
      problems.push(`query on ${plan.describeQuery(name, shape)} (${p.for}) is served by no index in cloudbaserc.json; declare one in backend/adapters/cloudbase/indexes.ts`)
    }
  }
  return problems
}

/**
 * What `typeof <expr>` is after `script` runs in a fresh Node, or the line of its error that says
 * what went wrong (not the file position Node prints first).
 */
function typeInNode(script, expr, opts) {
  try {
    return { type: execFileSync(process.execPath, ['-e', `${script}; process.stdout.write(typeof ${expr})`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts }) }
  } catch (e) {
    const lines = String(e.stderr || e.message).split('\n')
    return { error: lines.find((l) => /Error/.test(l)) ?? lines.find((l) => l.trim()) ?? 'error' }
  }
}

function loads(file) {
  const r = typeInNode(`const m = require(${JSON.stringify(file)})`, 'm.main', { env: { ...process.env, JIEFANG_MODE: 'local' } })
  if (r.error) return `does not load: ${r.error}`
  return r.type === 'function' ? null : `exports no main() (got ${r.type})`
}

/**
 * The SDK a deployed folder brings (sdk.js and its deferred parts, scripts/sdk-bundle.mjs): each
 * loaded from the folder alone, with no node_modules to fall back on, as CloudBase installs none for it.
 */
function sdkLoads(dir) {
  const parts = SDK_PARTS.map((f) => `require('./${f}')`).join(';')
  const r = typeInNode(parts, "require('./sdk.js').init", { cwd: dir, env: { ...process.env, NODE_PATH: '' } })
  if (r.error) return `does not load from the folder alone: ${r.error}`
  return r.type === 'function' ? null : `has no init() (got ${r.type})`
}

/** Main package and subpackage sizes of a built mini-program directory. */
export function weappSizes(dir) {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'))
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = { main: 0, total: 0, subpackages: Object.fromEntries(subs.map((s) => [s, 0])) }
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) {
        walk(p)
        continue
      }
      const rel = relative(dir, p).split('\\').join('/')
      const size = statSync(p).size
      sizes.total += size
      const sub = subs.find((s) => rel === s || rel.startsWith(`${s}/`))
      if (sub) sizes.subpackages[sub] += size
      else sizes.main += size
    }
  }
  walk(dir)
  return sizes
}

export async function checkDeployment(opts = {}) {
  const rcFile = opts.rc ?? join(root, 'cloudbaserc.json')
  const fnRoot = opts.functions ?? join(root, 'cloudfunctions')
  const weapp = opts.miniprogram ?? join(root, 'miniprogram')
  const projectConfig = opts.projectConfig ?? join(root, 'project.config.json')
  const table = readFunctionTable(opts.table ?? join(root, 'backend/functions/index.json'))
  const problems = []
  const facts = []
  const rc = JSON.parse(readFileSync(rcFile, 'utf8'))
  if (rc.envId !== '{{env.ENV_ID}}') problems.push(`cloudbaserc.json envId should be {{env.ENV_ID}} (the env id comes from the shell, got ${JSON.stringify(rc.envId)})`)

  // Functions: built, loadable, declared with bounded limits.
  const functions = table.map((fn) => fn.name)
  const declared = new Map((rc.functions ?? []).map((f) => [f.name, f]))
  const loadable = new Set()
  for (const name of functions) {
    const dir = join(fnRoot, name)
    if (!existsSync(join(dir, 'package.json'))) problems.push(`function ${name}: cloudfunctions/${name}/package.json is missing`)
    const file = join(dir, 'index.js')
    if (!existsSync(file)) problems.push(`function ${name}: cloudfunctions/${name}/index.js is not built (npm run build:functions)`)
    else {
      const bad = loads(file)
      if (bad) problems.push(`function ${name}: index.js ${bad}`)
      else loadable.add(name)
      const sdk = sdkLoads(dir)
      if (sdk) problems.push(`function ${name}: sdk.js ${sdk}`)
    }
    const f = declared.get(name)
    if (!f) {
      problems.push(`function ${name} is built but missing from cloudbaserc.json functions`)
      continue
    }
    if (f.handler !== 'index.main') problems.push(`function ${name}: handler should be index.main (got ${f.handler})`)
    if (!RUNTIMES.includes(f.runtime)) problems.push(`function ${name}: runtime ${f.runtime} is not one of ${RUNTIMES.join(', ')}`)
    if (!(f.memorySize >= 128 && f.memorySize <= 3072)) problems.push(`function ${name}: memorySize ${f.memorySize} is outside 128–3072 MB`)
    if (!(f.timeout >= 1 && f.timeout <= 900)) problems.push(`function ${name}: timeout ${f.timeout} is outside 1–900 s`)
    if (f.envVariables?.JIEFANG_MODE !== 'cloudbase') problems.push(`function ${name}: envVariables.JIEFANG_MODE must be "cloudbase"`)
    // These seal or open identity numbers and phones (backend/crypto/vault.ts); without the key they refuse.
    if (PII_FUNCTIONS.includes(name) && f.envVariables?.JIEFANG_PII_KEY !== '{{env.JIEFANG_PII_KEY}}') problems.push(`function ${name}: envVariables.JIEFANG_PII_KEY must be {{env.JIEFANG_PII_KEY}} (it stores encrypted names, phones or identity numbers)`)
    for (const [k, v] of Object.entries(f.envVariables ?? {})) {
      const placeholder = PLACEHOLDER.exec(String(v))
      if (SECRET_NAME.test(k) && !placeholder) problems.push(`function ${name}: env ${k} looks like a secret; give it as {{env.${k}}}, not a value`)
      if (!placeholder && /^[A-Za-z0-9+/=_-]{32,}$/.test(String(v))) problems.push(`function ${name}: env ${k} holds what looks like a key; name it as {{env.NAME}} instead`)
    }
    for (const t of f.triggers ?? []) {
      if (t.type !== 'timer') problems.push(`function ${name}: trigger ${t.name} has type ${t.type}; only timer triggers are deployed`)
      else if (!CRON7.test(String(t.config).trim())) problems.push(`function ${name}: timer ${t.name} config "${t.config}" is not a 7-field CloudBase cron`)
      if (!loadable.has(name)) problems.push(`function ${name}: timer ${t.name} points to a handler that does not load`)
    }
    if ((f.triggers ?? []).length > 0) {
      const own = join(dir, 'config.json')
      const ownTriggers = existsSync(own) ? JSON.parse(readFileSync(own, 'utf8')).triggers : undefined
      if (JSON.stringify(ownTriggers) !== JSON.stringify(f.triggers)) problems.push(`function ${name}: cloudfunctions/${name}/config.json triggers differ from cloudbaserc.json`)
    }
  }
  // Drift from the table; a function missing from cloudbaserc.json is already said above.
  for (const d of functionDrift(table, rc, fnRoot)) if (!problems.includes(d)) problems.push(d)
  facts.push(`${functions.length} functions built and loadable: ${[...loadable].join(', ')}`)

  // Collections: every one the store uses, with exactly the indexes its queries need.
  const plugin = Object.values(rc.framework?.plugins ?? {}).find((p) => p.use === '@cloudbase/framework-plugin-database')
  const rcCollections = new Map((plugin?.inputs?.collections ?? []).map((c) => [c.collectionName, c]))
  const plan = await storePlan()
  const specs = plan.collectionSpecs()
  for (const spec of specs) {
    const got = rcCollections.get(spec.collectionName)
    if (!got) problems.push(`collection ${spec.collectionName} is used by the store but not declared in cloudbaserc.json`)
    else if (JSON.stringify(got.createIndexes) !== JSON.stringify(spec.createIndexes)) problems.push(`collection ${spec.collectionName}: indexes in cloudbaserc.json differ from backend/adapters/cloudbase/indexes.ts`)
    else if (got.aclTag !== 'ADMINONLY') problems.push(`collection ${spec.collectionName}: aclTag should be ADMINONLY (only functions touch the data)`)
  }
  for (const name of rcCollections.keys()) if (!specs.some((s) => s.collectionName === name)) problems.push(`cloudbaserc.json declares collection ${name}, which the store does not use`)
  facts.push(`${specs.length} collections declared with ${specs.reduce((n, s) => n + s.createIndexes.length, 0)} indexes`)
  const unindexed = unindexedQueries(plan, rcCollections)
  problems.push(...unindexed)
  if (unindexed.length === 0) facts.push(`${plan.QUERIES.length} kinds of query the store sends, each served by a declared index`)

  // The mini-program: WeChat refuses uploads over its package caps.
  if (!existsSync(join(weapp, 'app.json'))) problems.push(`no mini-program build at ${relative(root, weapp) || weapp} (npm run build:weapp)`)
  else {
    const s = weappSizes(weapp)
    const kb = (n) => `${(n / 1024).toFixed(0)} KB`
    if (s.main > WEAPP_CAPS.main) problems.push(`mini-program main package is ${kb(s.main)}, over WeChat's 2 MB`)
    for (const [sub, n] of Object.entries(s.subpackages)) if (n > WEAPP_CAPS.subpackage) problems.push(`mini-program subpackage ${sub} is ${kb(n)}, over WeChat's 2 MB`)
    if (s.total > WEAPP_CAPS.total) problems.push(`mini-program total is ${kb(s.total)}, over WeChat's 20 MB`)
    facts.push(`mini-program: main ${kb(s.main)}, ${Object.keys(s.subpackages).length} subpackages (largest ${kb(Math.max(0, ...Object.values(s.subpackages)))}), total ${kb(s.total)}`)
    const quality = await codeQuality(weapp, projectConfig)
    problems.push(...quality.problems)
    facts.push(...quality.facts)
  }
  return { problems, facts }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { problems, facts } = await checkDeployment({ rc: arg('rc'), functions: arg('functions'), miniprogram: arg('miniprogram'), table: arg('table'), projectConfig: arg('project-config') })
  for (const f of facts) console.log(`ok  ${f}`)
  for (const p of problems) console.error(`bad ${p}`)
  console.log(problems.length === 0 ? 'deploy:check passed' : `deploy:check failed: ${problems.length} problem(s)`)
  process.exit(problems.length === 0 ? 0 : 1)
}
