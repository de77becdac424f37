// @cloudbase/node-sdk built into one file (sdk.js) beside each function's index.js.
//
// Why: required from node_modules, the SDK costs a cold start 200–400 ms on this machine (about
// 400 files resolved, read and run; its AI, data-model, auth-ticket and HTTP-client parts load
// whether used or not). Bundled, with the parts no Jiefang call reaches at start-up deferred to
// their first use, it loads in a fraction of that (bench figure 5.<fn>, context `sdkMs`). The
// deferred parts are still in the file and load when first touched, so nothing the SDK can do is
// removed. It also pins the deployed SDK to the version the tests ran against (package-lock.json).
import { build } from 'esbuild'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const SDK_FILE = 'sdk.js'

/**
 * Modules the SDK requires at load but Jiefang reaches later or never: axios (the SDK's
 * `requestClient` shim and its metadata-service probe, which the platform's environment makes
 * unnecessary; database and storage calls use node:http), form-data (multipart uploads), xml2js
 * (storage's COS error bodies), jsonwebtoken (auth tickets), the data-model client and what the AI
 * module is built from. `results` names functions the SDK calls at
 * `init` whose result it only keeps: the data-model client is made on first use of `app.models`.
 */
const DEFERRED = [
  { path: 'axios', file: 'sdk-axios.js' },
  { path: 'form-data', file: 'sdk-form-data.js' },
  { path: 'xml2js', file: 'sdk-xml2js.js' },
  { path: 'jsonwebtoken', file: 'sdk-jsonwebtoken.js' },
  { path: '@cloudbase/wx-cloud-client-sdk', file: 'sdk-models.js', results: ['generateHTTPClient'] },
  // What the SDK's `app.ai()` is built from.
  { path: '@cloudbase/ai', file: 'sdk-ai.js' },
  { path: '@cloudbase/app', file: 'sdk-app.js' },
  { path: 'web-streams-polyfill', file: 'sdk-web-streams.js' },
]

/** The files beside sdk.js that the SDK loads on first use of a deferred part. */
export const SDK_PARTS = DEFERRED.map((d) => d.file)

/**
 * A deferred module is a proxy that requires the real one on first use, from its own file beside
 * sdk.js, so a cold start does not even parse it. `__esModule` is answered from the build so the SDK's `__importDefault` does not
 * load it, and `default` of an ES module is a proxy too; a function target lets `axios(...)` be
 * called through the proxy.
 */
function deferredModule(target, esModule, results) {
  return `
let real
const load = () => real || (real = require(${JSON.stringify(target)}))
const results = ${JSON.stringify(results)}
// Every operation forwarded to the object \`target()\` gives, made on first use.
const forward = (target) => ({
  get: (_, k) => Reflect.get(target(), k),
  set: (_, k, x) => Reflect.set(target(), k, x),
  has: (_, k) => k in target(),
  apply: (_, self, args) => Reflect.apply(target(), self, args),
  construct: (_, args) => Reflect.construct(target(), args),
  ownKeys: () => Reflect.ownKeys(target()),
  getOwnPropertyDescriptor: (_, k) => {
    const d = Reflect.getOwnPropertyDescriptor(target(), k)
    return d && { ...d, configurable: true }
  },
})
const later = (make) => {
  let v
  return new Proxy({}, forward(() => v || (v = make())))
}
const views = new Map()
function view(key) {
  if (views.has(key)) return views.get(key)
  const at = () => (key ? load()[key] : load())
  const traps = forward(at)
  const p = new Proxy(() => {}, {
    ...traps,
    get: (t, k) => {
      if (!key && k === '__esModule') return ${esModule}
      if (!key && k === 'default' && ${esModule}) return view('default')
      if (results.includes(k)) return (...args) => later(() => at()[k](...args))
      return traps.get(t, k)
    },
  })
  views.set(key, p)
  return p
}
module.exports = view('')
`
}

const deferParts = {
  name: 'defer-sdk-parts',
  setup(b) {
    const requireFrom = createRequire(import.meta.url)
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.real) return undefined
      const part = DEFERRED.find((d) => d.path === args.path)
      if (!part) return undefined
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { real: true } })
      if (r.errors.length) return undefined
      return { path: r.path, namespace: 'deferred', pluginData: { part, real: r.path } }
    })
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, ({ pluginData: { part, real } }) => {
      const esModule = Boolean(requireFrom(real).__esModule)
      return { contents: deferredModule(`./${part.file}`, esModule, part.results ?? []), loader: 'js', resolveDir: dirname(real) }
    })
    b.onResolve({ filter: /^\.\/sdk-/, namespace: 'deferred' }, (args) => ({ path: args.path, external: true }))
  },
}

const options = (minify, metafile) => ({ bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify, legalComments: 'none', logLevel: 'warning', write: false, metafile })

/**
 * The SDK's files, by name: sdk.js and one file per deferred package. build-functions.mjs writes
 * them into every function folder. `metafiles` say what each file's bytes come from.
 */
export async function buildSdk({ metafile = false, minify = true } = {}) {
  const requireFrom = createRequire(join(root, 'node_modules', '@cloudbase', 'node-sdk', 'dist', 'cloudbase.js'))
  const main = build({
    ...options(minify, metafile),
    stdin: { contents: "module.exports = require('@cloudbase/node-sdk')", resolveDir: root, sourcefile: 'sdk.entry.js', loader: 'js' },
    outfile: join(root, SDK_FILE),
    plugins: [deferParts],
  })
  const parts = DEFERRED.map(async (d) => {
    const r = await build({ ...options(minify, metafile), entryPoints: [requireFrom.resolve(d.path)], outfile: join(root, d.file) })
    return [d.file, r]
  })
  const built = [[SDK_FILE, await main], ...(await Promise.all(parts))]
  return {
    files: Object.fromEntries(built.map(([file, r]) => [file, r.outputFiles[0].contents])),
    metafiles: Object.fromEntries(built.map(([file, r]) => [file, r.metafile])),
  }
}
