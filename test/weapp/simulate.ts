/**
 * Runs the built mini-program (miniprogram/, from `taro build --type weapp`) in Node, the way the
 * WeChat client splits it:
 *
 * - Logic layer: app.js, its webpack chunks and each page's index.js run in a fresh `vm` context per
 *   launch, with WeChat's globals (`wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`) and
 *   no DOM at all, as in the real logic thread. `Page(...)` configs are captured and instantiated
 *   like WeChat does (methods copied, data cloned, `setData` applying Taro's path keys such as
 *   `root.cn.[0].cn.[1].v`).
 * - View layer: every .wxml/.wxs of the build is compiled by the official `wcc` compiler that
 *   miniprogram-compiler ships (the one miniprogram-simulate uses for `compiler: 'official'`); the
 *   compiled `$gwx` templates are registered with miniprogram-simulate (`simulate.load(definition)` /
 *   `simulate.render`, i.e. j-component + exparser) and rendered into jsdom. Every `setData` of the
 *   logic page is forwarded to the rendered page; events dispatched on rendered nodes reach the view
 *   component's `eh` method, which hands a serialised copy of the event to the logic layer's `eh`,
 *   just as WeChat bridges the two threads.
 *
 * The package's own spawn path (`simulate.load(path, { compiler: 'official' })`) cannot load a Taro
 * page (it would run the page JS with its own `Component` global) and expects the binary to be
 * executable inside node_modules, so the binary is copied to a temp directory and run from there.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'

export const MP_ROOT = path.resolve(__dirname, '../../miniprogram')
export const PROJECT_ROOT = path.resolve(__dirname, '../..')

// ───────────────────────────── app.json ─────────────────────────────

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  [k: string]: unknown
}

export function readAppJson(root = MP_ROOT): AppJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson
}

/** Every page route the build declares: main package first, then each sub-package's pages. */
export function pageRoutes(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? []
  const routes = [...app.pages]
  for (const s of subs) for (const p of s.pages) routes.push(`${s.root.replace(/\/+$/, '')}/${p}`)
  return routes
}

/**
 * Makes sure miniprogram/ exists. `npm test` builds it before jest; a direct `npx jest test/weapp`
 * builds it once here. Under CI a missing build is an error, never a skip.
 */
export function ensureBuilt(root = MP_ROOT): void {
  if (fs.existsSync(path.join(root, 'app.json'))) return
  if (process.env.CI) throw new Error(`${root}/app.json is missing: the weapp build did not run (npm run build:weapp)`)
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000 })
  if (r.status !== 0 || !fs.existsSync(path.join(root, 'app.json'))) {
    throw new Error(`taro build --type weapp failed (${r.status}):\n${(r.stderr || r.stdout || String(r.error)).slice(-4000)}`)
  }
}

// ───────────────────────────── setData paths ─────────────────────────────

export type PathSegment = string | number

/** `root.cn.[0].cn[1].v` → ['root', 'cn', 0, 'cn', 1, 'v'] (WeChat's setData key syntax; Taro emits `.[n]`). */
export function parseDataPath(key: string): PathSegment[] {
  const out: PathSegment[] = []
  let cur = ''
  let i = 0
  while (i < key.length) {
    const ch = key[i]
    if (ch === '.') {
      if (cur) out.push(cur)
      cur = ''
      i++
    } else if (ch === '[') {
      if (cur) out.push(cur)
      cur = ''
      const end = key.indexOf(']', i)
      if (end < 0) throw new Error(`setData: unclosed [ in "${key}"`)
      const index = key.slice(i + 1, end).trim()
      if (!/^\d+$/.test(index)) throw new Error(`setData: bad index "${index}" in "${key}"`)
      out.push(Number(index))
      i = end + 1
    } else {
      cur += ch
      i++
    }
  }
  if (cur) out.push(cur)
  if (!out.length) throw new Error(`setData: empty key "${key}"`)
  return out
}

/** Sets one setData key on `target`, creating objects (or arrays before an index) on the way. */
export function applyDataPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const segs = parseDataPath(key)
  let t: Record<PathSegment, unknown> = target
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]
    const next = t[s]
    if (next === null || typeof next !== 'object') t[s] = typeof segs[i + 1] === 'number' ? [] : {}
    t = t[s] as Record<PathSegment, unknown>
  }
  t[segs[segs.length - 1]] = value
}

/** What crosses the bridge between the threads: JSON, so functions and undefined disappear. */
function bridge<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

// ───────────────────────────── view layer ─────────────────────────────

interface ExparserElement {
  id: string
  dataset?: Record<string, unknown>
}
type WxDomElement = HTMLElement & { __wxElement?: ExparserElement }
interface RenderedComponent {
  dom: HTMLElement
  setData(data: Record<string, unknown>): void
  attach(parent: HTMLElement): void
  detach(): void
}
interface Simulate {
  load(definition: Record<string, unknown>): string
  render(id: string, props?: Record<string, unknown>): RenderedComponent
}
interface Exparser {
  Event: {
    create(type: string, detail: unknown, options: Record<string, unknown>): unknown
    dispatchEvent(target: ExparserElement, event: unknown): void
  }
}
interface ViewEnv {
  window: Window & typeof globalThis
  simulate: Simulate
  exparser: Exparser
}

let viewEnv: ViewEnv | null = null

/** jsdom as the view's document; miniprogram-simulate and exparser expect browser globals. */
function view(): ViewEnv {
  if (viewEnv) return viewEnv
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, o: object) => { window: Window & typeof globalThis } }
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const g = globalThis as Record<string, unknown>
  const names = ['Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'TouchEvent', 'Touch', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']
  g.window = window
  g.document = window.document
  for (const n of names) g[n] = (window as unknown as Record<string, unknown>)[n]
  Object.defineProperty(globalThis, 'navigator', { value: window.navigator, configurable: true, writable: true })
  ;(window as unknown as Record<string, unknown>).__webview_engine_version__ = 0.02
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as Exparser
  viewEnv = { window, simulate, exparser }
  return viewEnv
}

function listFiles(root: string, ext: string, dir = ''): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...listFiles(root, ext, rel))
    } else if (e.name.endsWith(ext)) out.push(rel)
  }
  return out.sort()
}

/** The official compiler binary shipped by miniprogram-compiler, copied where it may be executed. */
export function wccPath(): string {
  const dir = path.dirname(require.resolve('miniprogram-compiler/package.json'))
  const rel = process.platform === 'darwin' ? 'bin/mac/wcc' : process.platform === 'linux' ? 'bin/linux/wcc' : 'bin/windows/wcc.exe'
  const src = path.join(dir, rel)
  if (!fs.existsSync(src)) throw new Error(`miniprogram-compiler ships no wcc for ${process.platform} (${src})`)
  const tmp = path.join(os.tmpdir(), `jf-wcc-${process.getuid?.() ?? 'u'}-${fs.statSync(src).size}${path.extname(src)}`)
  if (!fs.existsSync(tmp)) {
    const part = `${tmp}.${process.pid}`
    fs.copyFileSync(src, part)
    fs.chmodSync(part, 0o755)
    fs.renameSync(part, tmp)
  }
  return tmp
}

/**
 * The compiled templates report problems (a missing template, a bad expression) through console.warn /
 * console.error, as the WeChat view thread does; they are collected by whoever is rendering.
 */
let viewSink: string[] | null = null
const viewConsole = {
  ...console,
  warn: (...a: unknown[]) => (viewSink ? viewSink.push(a.map(String).join(' ')) : console.warn(...a)),
  error: (...a: unknown[]) => (viewSink ? viewSink.push(a.map(String).join(' ')) : console.error(...a)),
}
function rendering<T>(sink: string[], fn: () => T): T {
  const prev = viewSink
  viewSink = sink
  try {
    return fn()
  } finally {
    viewSink = prev
  }
}

type Gwx = (p: string) => ((data: unknown) => unknown) | undefined
const gwxCache = new Map<string, Gwx>()

/** Compiles every .wxml and .wxs of the build with wcc and returns its `$gwx` template lookup. */
export function compileWxml(root = MP_ROOT): Gwx {
  const wxml = listFiles(root, '.wxml')
  const wxs = listFiles(root, '.wxs')
  const stamp = [...wxml, ...wxs].map((f) => `${f}:${fs.statSync(path.join(root, f)).mtimeMs}`).join('|')
  const cached = gwxCache.get(root + stamp)
  if (cached) return cached
  view()
  // As miniprogram-compiler does: "<count> <file.wxml> <n> <tag>... ", one entry per file with usingComponents.
  const comps: string[] = []
  let count = 0
  for (const f of wxml) {
    const json = path.join(root, f.replace(/\.wxml$/, '.json'))
    const using = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents : undefined
    if (!using) continue
    comps.push(f, String(Object.keys(using).length), ...Object.keys(using))
    count++
  }
  const args = ['-d', '-cc', [count, ...comps].join(' '), ...wxml, ...wxs, '-gn', '$gwx']
  const r = spawnSync(wccPath(), args, { cwd: root, maxBuffer: 64 << 20 })
  if (r.error) throw r.error
  if (r.status !== 0) throw new Error(`wcc failed (${r.status}): ${r.stderr.toString()}`)
  // The compiled code assigns globals; keep them local to this function.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const gwx = new Function('console', `var $gwx, __WXML_GLOBAL__, $gwxc, $gaic;\n${r.stdout.toString()}\n;return $gwx;`)(viewConsole) as Gwx
  gwxCache.set(root + stamp, gwx)
  return gwx
}

// ───────────────────────────── logic layer ─────────────────────────────

export interface CloudEvent {
  action: string
  data: unknown
}
export interface CloudCall {
  name: string
  data: CloudEvent
}
/** Answers one wx.cloud.callFunction: return the function's answer; throw to fail the call. */
export type CloudFake = (name: string, event: CloudEvent) => unknown

export interface LaunchOptions {
  cloud: CloudFake
  root?: string
  /** wx.getLocation's answer (WGS-84 when asked for it). Default: a point in the demo grid. */
  location?: { longitude: number; latitude: number } | null
  /** Whether wx.getSetting reports location as already allowed. Default: allowed. */
  locationAllowed?: boolean
  /** wx.chooseLocation's answer (GCJ-02); null = the user closed the map. */
  chosenLocation?: { longitude: number; latitude: number; name: string; address: string } | null
  /** wx.chooseMedia / chooseImage temp paths. */
  images?: string[]
  storage?: Record<string, unknown>
  /** Added to wx.getAppBaseInfo's answer, e.g. WeChat's font size (`fontSizeScaleFactor`, `fontSizeSetting`). */
  appBaseInfo?: Record<string, unknown>
  /** wx.scanCode's answer (a 小程序码 carries `path`); null or absent = the person closed the camera. */
  scanned?: { result?: string; path?: string; scanType?: string } | null
  /**
   * WeChat's multi-party video (joinVoIPChat and its kin): absent = a WeChat without the API (the app
   * then offers the meeting link); `openIdList` = joined, with these members; `errCode` = refused.
   */
  voip?: { openIdList: string[] } | { errCode: number }
}

export const DEMO_POINT = { longitude: 113.3202, latitude: 23.181 }

type Fn = (...args: unknown[]) => unknown
type Options = Record<string, unknown> & { success?: Fn; fail?: Fn; complete?: Fn }
type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> }
export type PageInstance = Record<string, unknown> & {
  data: Record<string, unknown>
  route: string
  setData(patch: Record<string, unknown>, cb?: () => void): void
}

let launchSeq = 0

export class MiniProgram {
  readonly root: string
  /** Every wx.cloud.callFunction, in order. */
  readonly calls: CloudCall[] = []
  /** Every wx API call as [name, options]. */
  readonly wxCalls: [string, unknown][] = []
  readonly toasts: { title: string; icon?: string }[] = []
  readonly navigations: { api: string; url: string }[] = []
  /** console.error of the logic layer, exceptions from lifecycles and event handlers, App onError. */
  readonly errors: string[] = []
  readonly warnings: string[] = []
  /** What the compiled WXML reported while rendering (e.g. "Template `tmpl_0_i` not found"). */
  readonly viewErrors: string[] = []
  /** wx members read by the code that the shim does not have (diagnostic). */
  readonly missingWx = new Set<string>()
  readonly stack: PageHandle[] = []
  app!: Record<string, unknown>

  private readonly ctx: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly pageConfigs = new Map<string, PageConfig>()
  private readonly componentConfigs = new Map<string, Record<string, unknown>>()
  private readonly viewIds = new Map<string, string>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly storage = new Map<string, unknown>()
  private privacyListener: ((resolve: (answer: unknown) => void, info: { referrer: string }) => void) | null = null
  private loading: string | null = null
  private pendingCalls = 0
  private setDataCount = 0
  private closed = false
  private readonly seq = ++launchSeq
  private readonly gwx: Gwx

  private constructor(private readonly opts: LaunchOptions) {
    this.root = opts.root ?? MP_ROOT
    for (const [k, v] of Object.entries(opts.storage ?? {})) this.storage.set(k, v)
    this.gwx = compileWxml(this.root)
    this.ctx = vm.createContext(this.globals())
  }

  /**
   * A privacy API called before the person agreed (WeChat's onNeedPrivacyAuthorization): returns the
   * answers the app gives through `resolve`, in order. Without a listener WeChat would show its own dialog.
   */
  needPrivacy(referrer: string): unknown[] {
    const answers: unknown[] = []
    if (!this.privacyListener) throw new Error('the app does not listen to wx.onNeedPrivacyAuthorization')
    this.guard('onNeedPrivacyAuthorization', () => this.privacyListener!((a) => void answers.push(a), { referrer }))
    return answers
  }

  /** What wx storage holds under `key` (the outbox, caches), as the app would read it. */
  stored(key: string): unknown {
    return this.storage.has(key) ? JSON.parse(JSON.stringify(this.storage.get(key))) : undefined
  }

  /** Loads app.js (and the chunks it requires) and runs App onLaunch/onShow, like a cold start. */
  static launch(opts: LaunchOptions): MiniProgram {
    const mp = new MiniProgram(opts)
    mp.require(path.join(mp.root, 'app.js'))
    if (!mp.app) throw new Error('app.js did not call App()')
    const first = pageRoutes(readAppJson(mp.root))[0]
    const launch = { path: first, query: {}, scene: 1001, referrerInfo: {} }
    mp.guard('App.onLaunch', () => (mp.app.onLaunch as Fn | undefined)?.call(mp.app, launch))
    mp.guard('App.onShow', () => (mp.app.onShow as Fn | undefined)?.call(mp.app, launch))
    return mp
  }

  // ── wx shim ──

  private record(name: string, o: unknown) {
    this.wxCalls.push([name, o])
  }

  /** A callback-style wx API: success/fail/complete, answered asynchronously like the client. */
  private api(name: string, impl: (o: Options) => unknown) {
    return (o: Options = {}) => {
      this.record(name, o)
      Promise.resolve()
        .then(() => impl(o))
        .then(
          (res) => {
            const r = Object.assign({ errMsg: `${name}:ok` }, res)
            o.success?.(r)
            o.complete?.(r)
          },
          (err: unknown) => {
            const r = { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` }
            o.fail?.(r)
            o.complete?.(r)
          },
        )
        .catch((e: unknown) => this.fail(`${name} callback`, e))
    }
  }

  /** joinVoIPChat answers as configured; the member and interruption listeners are kept but never fired. */
  private voipShim(voip: NonNullable<LaunchOptions['voip']>): Record<string, unknown> {
    const fail = (name: string, errCode: number) => (o: Options = {}) => {
      this.record(name, o)
      const r = { errMsg: `${name}:fail ${errCode}`, errCode }
      Promise.resolve().then(() => (o.fail?.(r), o.complete?.(r)))
    }
    const listen = (name: string) => (cb: unknown) => this.record(name, typeof cb)
    return {
      joinVoIPChat: 'errCode' in voip ? fail('joinVoIPChat', voip.errCode) : this.api('joinVoIPChat', () => ({ openIdList: [...voip.openIdList], errCode: 0 })),
      exitVoIPChat: this.api('exitVoIPChat', () => ({})),
      onVoIPChatMembersChanged: listen('onVoIPChatMembersChanged'),
      offVoIPChatMembersChanged: listen('offVoIPChatMembersChanged'),
      onVoIPChatInterrupted: listen('onVoIPChatInterrupted'),
      offVoIPChatInterrupted: listen('offVoIPChatInterrupted'),
    }
  }

  private wx(): Record<string, unknown> {
    const sys = {
      brand: 'devtools', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390,
      windowHeight: 763, statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0',
      platform: 'devtools', SDKVersion: '3.5.0', safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
    }
    const nav = (api: string) =>
      this.api(api, (o) => {
        this.navigations.push({ api, url: String(o.url ?? o.delta ?? '') })
        return {}
      })
    const ok = (name: string) => this.api(name, () => ({}))
    const files = new Set<string>(this.opts.images ?? [])
    const selectorQuery = () => {
      const q: Record<string, Fn> = {}
      const results: unknown[] = []
      const node = () => ({
        boundingClientRect: (cb?: Fn) => (results.push({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }), cb && cb(results[results.length - 1]), q),
        scrollOffset: (cb?: Fn) => (results.push({ scrollTop: 0, scrollLeft: 0 }), cb && cb(results[results.length - 1]), q),
        fields: (_f: unknown, cb?: Fn) => (results.push({}), cb && cb({}), q),
        node: (cb?: Fn) => (results.push({ node: null }), cb && cb({ node: null }), q),
        context: (cb?: Fn) => (results.push({}), cb && cb({}), q),
      })
      Object.assign(q, {
        in: () => q,
        select: node,
        selectAll: node,
        selectViewport: node,
        exec: (cb?: Fn) => this.later(() => cb?.(results), 0),
      })
      return q
    }
    const cloud = {
      init: (o: unknown) => this.record('cloud.init', o),
      callFunction: (o: Options) => {
        const call = { name: String(o.name), data: bridge(o.data) as CloudEvent }
        this.calls.push(call)
        this.record('cloud.callFunction', call)
        this.pendingCalls++
        const p = Promise.resolve()
          .then(() => this.opts.cloud(call.name, call.data))
          .then((result) => ({ result: bridge(result), errMsg: 'cloud.callFunction:ok', requestID: `req-${this.calls.length}` }))
          .catch((e: unknown) => {
            throw { errMsg: `cloud.callFunction:fail ${e instanceof Error ? e.message : String(e)}`, errCode: -1 }
          })
          .finally(() => this.pendingCalls--)
        if (o.success || o.fail || o.complete) {
          p.then(
            (r) => (o.success?.(r), o.complete?.(r)),
            (e) => (o.fail?.(e), o.complete?.(e)),
          )
          return undefined
        }
        return p
      },
      uploadFile: (o: Options) => {
        this.record('cloud.uploadFile', o)
        const r = { fileID: `cloud://test-env.7465/${String(o.cloudPath)}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }
        const p = Promise.resolve(r)
        if (o.success) void p.then((x) => (o.success?.(x), o.complete?.(x)))
        return p
      },
      getTempFileURL: (o: Options & { fileList?: string[] }) => {
        const r = { fileList: (o.fileList ?? []).map((f) => ({ fileID: f, tempFileURL: `https://tmp.example/${f}`, status: 0 })) }
        return Promise.resolve(r)
      },
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    }
    const location = this.opts.location === undefined ? DEMO_POINT : this.opts.location
    const shim: Record<string, unknown> = {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      cloud,
      canIUse: () => true,
      getSystemInfoSync: () => ({ ...sys }),
      getSystemInfo: this.api('getSystemInfo', () => ({ ...sys })),
      getWindowInfo: () => ({ pixelRatio: sys.pixelRatio, screenWidth: sys.screenWidth, screenHeight: sys.screenHeight, windowWidth: sys.windowWidth, windowHeight: sys.windowHeight, statusBarHeight: sys.statusBarHeight, safeArea: sys.safeArea, screenTop: 0 }),
      getDeviceInfo: () => ({ brand: sys.brand, model: sys.model, system: sys.system, platform: sys.platform }),
      getAppBaseInfo: () => ({ SDKVersion: sys.SDKVersion, language: sys.language, version: sys.version, theme: 'light', ...this.opts.appBaseInfo }),
      getSystemSetting: () => ({ locationEnabled: true, wifiEnabled: true }),
      getAccountInfoSync: () => ({ miniProgram: { appId: 'wxtest', envVersion: 'develop', version: '' } }),
      getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 382, bottom: 83, left: 295 }),
      getLaunchOptionsSync: () => ({ path: '', query: {}, scene: 1001 }),
      getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001 }),
      nextTick: (fn: Fn) => void Promise.resolve().then(() => fn()),
      getStorageSync: (k: string) => (this.storage.has(k) ? bridge(this.storage.get(k)) : ''),
      setStorageSync: (k: string, v: unknown) => void this.storage.set(k, bridge(v)),
      removeStorageSync: (k: string) => void this.storage.delete(k),
      clearStorageSync: () => this.storage.clear(),
      getStorageInfoSync: () => ({ keys: [...this.storage.keys()], currentSize: 0, limitSize: 10240 }),
      getStorage: this.api('getStorage', (o) => {
        if (!this.storage.has(String(o.key))) throw new Error('data not found')
        return { data: bridge(this.storage.get(String(o.key))) }
      }),
      setStorage: this.api('setStorage', (o) => void this.storage.set(String(o.key), bridge(o.data))),
      removeStorage: this.api('removeStorage', (o) => void this.storage.delete(String(o.key))),
      request: this.api('request', (o) => {
        // The weapp build talks to wx.cloud only; an HTTP request is a bug worth seeing.
        this.errors.push(`wx.request was called (${String(o.url)}) — the weapp build must use wx.cloud`)
        throw new Error('blocked in test')
      }),
      showToast: this.api('showToast', (o) => void this.toasts.push({ title: String(o.title ?? ''), icon: o.icon as string | undefined })),
      hideToast: ok('hideToast'),
      showLoading: ok('showLoading'),
      hideLoading: ok('hideLoading'),
      showModal: this.api('showModal', () => ({ confirm: true, cancel: false })),
      showActionSheet: this.api('showActionSheet', () => {
        throw new Error('cancel')
      }),
      setNavigationBarTitle: ok('setNavigationBarTitle'),
      setNavigationBarColor: ok('setNavigationBarColor'),
      stopPullDownRefresh: ok('stopPullDownRefresh'),
      startPullDownRefresh: ok('startPullDownRefresh'),
      pageScrollTo: ok('pageScrollTo'),
      vibrateShort: ok('vibrateShort'),
      makePhoneCall: ok('makePhoneCall'),
      openLocation: ok('openLocation'),
      setClipboardData: ok('setClipboardData'),
      previewImage: ok('previewImage'),
      hideShareMenu: ok('hideShareMenu'),
      showShareMenu: ok('showShareMenu'),
      navigateTo: nav('navigateTo'),
      redirectTo: nav('redirectTo'),
      reLaunch: nav('reLaunch'),
      switchTab: nav('switchTab'),
      navigateBack: nav('navigateBack'),
      getSetting: this.api('getSetting', () => ({ authSetting: this.opts.locationAllowed === false ? {} : { 'scope.userLocation': true } })),
      authorize: ok('authorize'),
      openSetting: this.api('openSetting', () => ({ authSetting: { 'scope.userLocation': true } })),
      getLocation: this.api('getLocation', () => {
        if (!location) throw new Error('auth deny')
        return { ...location, accuracy: 30, speed: 0, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 }
      }),
      chooseLocation: this.api('chooseLocation', () => {
        const c = this.opts.chosenLocation
        if (!c) throw new Error('cancel')
        return { ...c }
      }),
      scanCode: this.api('scanCode', () => {
        const s = this.opts.scanned
        if (!s) throw new Error('cancel')
        return { result: '', scanType: 'QR_CODE', charSet: 'utf-8', ...s }
      }),
      chooseImage: this.api('chooseImage', () => ({ tempFilePaths: [...(this.opts.images ?? [])], tempFiles: (this.opts.images ?? []).map((p) => ({ path: p, size: 1024 })) })),
      chooseMedia: this.api('chooseMedia', () => ({ type: 'image', tempFiles: (this.opts.images ?? []).map((p) => ({ tempFilePath: p, size: 1024, fileType: 'image' })) })),
      compressImage: this.api('compressImage', (o) => ({ tempFilePath: o.src })),
      getFileSystemManager: () => ({
        getFileInfo: this.api('getFileInfo', () => ({ size: 1024 })),
        readFile: this.api('readFile', () => ({ data: '' })),
        readFileSync: () => '',
        // The picked photos and the copies the outbox keeps (writes only under USER_DATA_PATH, as wx allows).
        access: this.api('access', (o) => {
          if (!files.has(String(o.path))) throw new Error(`no such file or directory ${String(o.path)}`)
          return {}
        }),
        copyFile: this.api('copyFile', (o) => {
          const [src, dest] = [String(o.srcPath), String(o.destPath)]
          if (!dest.startsWith('wxfile://usr/')) throw new Error(`permission denied, copyFile ${src} -> ${dest}`)
          if (!files.has(src)) throw new Error(`no such file or directory, copyFile ${src} -> ${dest}`)
          files.add(dest)
          return {}
        }),
        mkdir: ok('mkdir'),
        unlink: this.api('unlink', (o) => {
          if (!files.delete(String(o.filePath))) throw new Error(`no such file or directory ${String(o.filePath)}`)
          return {}
        }),
        readdir: this.api('readdir', (o) => ({ files: [...files].filter((f) => f.startsWith(`${String(o.dirPath)}/`)).map((f) => f.slice(String(o.dirPath).length + 1)) })),
      }),
      createSelectorQuery: selectorQuery,
      createIntersectionObserver: () => ({ relativeTo: () => ({ observe: () => undefined }), relativeToViewport: () => ({ observe: () => undefined }), observe: () => undefined, disconnect: () => undefined }),
      onAppShow: () => undefined,
      onAppHide: () => undefined,
      offAppShow: () => undefined,
      offAppHide: () => undefined,
      onError: () => undefined,
      onUnhandledRejection: () => undefined,
      onPageNotFound: () => undefined,
      onWindowResize: () => undefined,
      offWindowResize: () => undefined,
      onNetworkStatusChange: () => undefined,
      getNetworkType: this.api('getNetworkType', () => ({ networkType: 'wifi' })),
      reportAnalytics: () => undefined,
      onNeedPrivacyAuthorization: (l: (resolve: (answer: unknown) => void, info: { referrer: string }) => void) => {
        this.privacyListener = l
      },
      getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),
      getLogManager: () => ({ log: () => undefined, info: () => undefined, warn: () => undefined, debug: () => undefined }),
      getRealtimeLogManager: () => ({ info: () => undefined, warn: () => undefined, error: () => undefined, setFilterMsg: () => undefined }),
      ...(this.opts.voip ? this.voipShim(this.opts.voip) : {}),
    }
    // Reads of members the shim lacks are kept for diagnosis (feature probes read them too).
    return new Proxy(shim, {
      get: (t, k) => {
        if (typeof k === 'string' && !(k in t) && k !== 'webpackJsonp') this.missingWx.add(k)
        return t[k as string]
      },
    })
  }

  private globals(): Record<string, unknown> {
    const log =
      (level: 'error' | 'warn') =>
      (...args: unknown[]) => {
        const text = args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ')
        ;(level === 'error' ? this.errors : this.warnings).push(text)
      }
    return {
      wx: this.wx(),
      console: { log: () => undefined, info: () => undefined, debug: () => undefined, time: () => undefined, timeEnd: () => undefined, warn: log('warn'), error: log('error') },
      setTimeout: (fn: Fn, ms?: number, ...a: unknown[]) => this.later(() => fn(...a), ms ?? 0),
      clearTimeout: (h: ReturnType<typeof setTimeout>) => (clearTimeout(h), this.timers.delete(h)),
      setInterval: (fn: Fn, ms?: number, ...a: unknown[]) => {
        const h = setInterval(() => this.guard('setInterval', () => fn(...a)), ms ?? 0)
        this.timers.add(h)
        return h
      },
      clearInterval: (h: ReturnType<typeof setInterval>) => (clearInterval(h), this.timers.delete(h)),
      App: (config: Record<string, unknown>) => {
        if (this.app) throw new Error('App() called twice')
        this.app = config
      },
      Page: (config: PageConfig) => {
        if (!this.loading) throw new Error('Page() called outside a page module')
        this.pageConfigs.set(this.loading, config)
      },
      Component: (config: Record<string, unknown>) => {
        if (!this.loading) throw new Error('Component() called outside a component module')
        this.componentConfigs.set(this.loading, config)
      },
      Behavior: (b: unknown) => b,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin(${name}) is not available in the test`)
      },
    }
  }

  /** setTimeout inside the logic layer; cleared by close(). */
  private later(fn: () => unknown, ms: number) {
    const h = setTimeout(() => {
      this.timers.delete(h)
      if (!this.closed) this.guard('setTimeout', fn)
    }, ms)
    this.timers.add(h)
    return h
  }

  private fail(where: string, e: unknown) {
    this.errors.push(`${where}: ${e instanceof Error ? e.stack ?? e.message : safeJson(e)}`)
  }

  private guard<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn()
    } catch (e) {
      this.fail(where, e)
      ;(this.app?.onError as Fn | undefined)?.call(this.app, String(e))
      return undefined
    }
  }

  /** CommonJS as the client provides it: relative requires, one module cache per launch. */
  private require(file: string): unknown {
    const abs = file.endsWith('.js') ? file : `${file}.js`
    const hit = this.modules.get(abs)
    if (hit) return hit.exports
    const mod = { exports: {} as unknown }
    this.modules.set(abs, mod)
    const code = fs.readFileSync(abs, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.ctx, { filename: abs }) as Fn
    fn((p: string) => this.require(path.resolve(path.dirname(abs), p)), mod, mod.exports)
    return mod.exports
  }

  private loadAs<T>(key: string, file: string, read: () => T | undefined): T {
    const prev = this.loading
    this.loading = key
    try {
      this.require(file)
    } finally {
      this.loading = prev
    }
    const v = read()
    if (!v) throw new Error(`${file} did not register (${key})`)
    return v
  }

  /** Registers the view side of a custom component (Taro's recursive `comp`) with miniprogram-simulate. */
  private viewComponent(abs: string): string {
    const known = this.viewIds.get(abs)
    if (known) return known
    const rel = path.relative(this.root, abs).replace(/\\/g, '/')
    const id = `mp${this.seq}-${rel.replace(/[^a-zA-Z0-9]/g, '-')}`
    this.viewIds.set(abs, id)
    const config = this.loadAs(rel, abs, () => this.componentConfigs.get(rel))
    const json = JSON.parse(fs.readFileSync(`${abs}.json`, 'utf8')) as { usingComponents?: Record<string, string> }
    const using: Record<string, string> = {}
    for (const [tag, p] of Object.entries(json.usingComponents ?? {})) using[tag] = this.viewComponent(path.resolve(path.dirname(abs), p))
    const logicEh = (config.methods as Record<string, Fn> | undefined)?.eh
    const ctors: Record<string, unknown> = { Object, String, Number, Boolean, Array }
    const properties: Record<string, unknown> = {}
    for (const [k, p] of Object.entries((config.properties as Record<string, { type?: { name?: string }; value?: unknown }>) ?? {})) {
      properties[k] = { type: ctors[p.type?.name ?? ''] ?? null, value: bridge(p.value) }
    }
    const mp = this
    view().simulate.load({
      id,
      tagName: path.basename(rel),
      template: this.template(`${rel}.wxml`),
      usingComponents: using,
      properties,
      options: bridge(config.options ?? {}),
      methods: {
        eh(e: unknown) {
          mp.deliver(`${rel} eh`, () => logicEh?.call({ data: bridge((this as { data?: unknown }).data) }, serialiseEvent(e)))
        },
      },
    })
    return id
  }

  private template(rel: string) {
    const t = this.gwx(rel)
    if (typeof t !== 'function') throw new Error(`wcc produced no template for ${rel}`)
    return t
  }

  /** Logic-layer handler for a view event; exceptions are the page's errors, not the test's. */
  deliver(where: string, fn: () => unknown) {
    if (this.closed) return
    this.guard(where, fn)
  }

  /** Opens a page: loads its module on first use, instantiates it, renders it, runs onLoad/onShow/onReady. */
  async open(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
    route = route.replace(/^\/+/, '').replace(/\.js$/, '')
    const abs = path.join(this.root, route)
    const json = JSON.parse(fs.readFileSync(`${abs}.json`, 'utf8')) as { usingComponents?: Record<string, string> }
    const using: Record<string, string> = {}
    for (const [tag, p] of Object.entries(json.usingComponents ?? {})) using[tag] = this.viewComponent(path.resolve(path.dirname(abs), p))
    const config = this.pageConfigs.get(route) ?? this.loadAs(route, abs, () => this.pageConfigs.get(route))

    const inst = {} as PageInstance
    for (const [k, v] of Object.entries(config)) if (k !== 'data') inst[k] = v
    inst.data = bridge(config.data ?? {})
    inst.route = route
    inst.__route__ = route
    inst.options = { ...query }
    inst.is = route
    inst.__wxWebviewId__ = this.stack.length + 1
    inst.__wxExparserNodeId__ = `page-${this.seq}-${this.stack.length + 1}`
    inst.createSelectorQuery = () => (this.ctx.wx as { createSelectorQuery: Fn }).createSelectorQuery()
    inst.selectComponent = () => null
    inst.selectAllComponents = () => []
    inst.getOpenerEventChannel = () => ({ on: () => undefined, off: () => undefined, emit: () => undefined, once: () => undefined })

    const mp = this
    const pageViewId = `mp${this.seq}-page-${route.replace(/[^a-zA-Z0-9]/g, '-')}-${this.stack.length}`
    view().simulate.load({
      id: pageViewId,
      template: this.template(`${route}.wxml`),
      usingComponents: using,
      data: bridge(inst.data),
      methods: {
        eh(e: unknown) {
          mp.deliver(`${route} eh`, () => (inst.eh as Fn | undefined)?.call(inst, serialiseEvent(e)))
        },
      },
    })
    const rendered = rendering(this.viewErrors, () => view().simulate.render(pageViewId))
    const container = view().window.document.createElement('div')
    container.setAttribute('data-route', route)
    view().window.document.body.appendChild(container)
    rendering(this.viewErrors, () => rendered.attach(container))

    const handle = new PageHandle(this, route, inst, rendered, container)
    inst.setData = (patch: Record<string, unknown>, cb?: () => void) => {
      if (handle.unloaded) {
        this.errors.push(`${route}: setData after onUnload`)
        return
      }
      const tops = new Set<string>()
      for (const [k, v] of Object.entries(patch)) {
        applyDataPath(inst.data, k, bridge(v))
        tops.add(String(parseDataPath(k)[0]))
      }
      this.setDataCount++
      const forView: Record<string, unknown> = {}
      for (const t of tops) forView[t] = bridge(inst.data[t])
      rendering(this.viewErrors, () => rendered.setData(forView))
      if (cb) this.later(cb, 0)
    }

    const below = this.stack[this.stack.length - 1]
    if (below) this.guard(`${below.route} onHide`, () => (below.instance.onHide as Fn | undefined)?.call(below.instance))
    this.stack.push(handle)
    this.guard(`${route} onLoad`, () => (inst.onLoad as Fn | undefined)?.call(inst, { ...query }))
    this.guard(`${route} onShow`, () => (inst.onShow as Fn | undefined)?.call(inst))
    await tick()
    this.guard(`${route} onReady`, () => (inst.onReady as Fn | undefined)?.call(inst))
    await this.idle()
    return handle
  }

  /**
   * Resolves once no cloud call is pending and setData has been quiet for a few macrotasks. The bound
   * is generous: on a loaded 2-core machine a popup's transition alone has taken over 5 s.
   */
  async idle(maxMs = 15_000): Promise<void> {
    const end = Date.now() + maxMs
    let quiet = 0
    let last = -1
    while (Date.now() < end) {
      await sleep(5)
      const now = this.setDataCount
      if (now === last && this.pendingCalls === 0) {
        if (++quiet >= 3) return
      } else quiet = 0
      last = now
    }
    throw new Error(`mini-program not idle after ${maxMs} ms (pending calls ${this.pendingCalls})`)
  }

  /** Unloads every page and stops the logic layer's timers. */
  close(): void {
    for (const p of [...this.stack].reverse()) p.unload()
    this.closed = true
    for (const h of this.timers) clearTimeout(h)
    this.timers.clear()
  }

  removePage(p: PageHandle) {
    const i = this.stack.indexOf(p)
    if (i >= 0) this.stack.splice(i, 1)
  }
}

export class PageHandle {
  unloaded = false

  constructor(
    readonly mp: MiniProgram,
    readonly route: string,
    readonly instance: PageInstance,
    readonly rendered: RenderedComponent,
    readonly container: HTMLElement,
  ) {}

  get data() {
    return this.instance.data
  }

  /** The rendered page as one line of text (whitespace collapsed). */
  text(): string {
    return (this.container.textContent ?? '').replace(/\s+/g, ' ').trim()
  }

  /**
   * `#id` matches the node's id as WeChat sees it (ids are not written to the DOM, and may contain dots,
   * e.g. `#jf-cat-env.garbage`); anything else is a CSS selector on the rendered DOM.
   */
  find(selector: string, within?: Element): WxDomElement | null {
    const scope = within ?? this.container
    if (selector.startsWith('#') && !/[\s>[:,]/.test(selector.slice(1))) {
      const id = selector.slice(1)
      const all = scope.querySelectorAll('*')
      for (const el of Array.from(all)) if ((el as WxDomElement).__wxElement?.id === id) return el as WxDomElement
      return null
    }
    return scope.querySelector(selector) as WxDomElement | null
  }

  get(selector: string, within?: Element): WxDomElement {
    const el = this.find(selector, within)
    if (!el) throw new Error(`${this.route}: no node ${selector}. Rendered: ${this.text().slice(0, 400)}`)
    return el
  }

  findAll(css: string): WxDomElement[] {
    return Array.from(this.container.querySelectorAll(css)) as WxDomElement[]
  }

  /** Dispatches a WeChat event on a rendered node the way j-component does (DOM event + exparser event). */
  trigger(target: string | WxDomElement, type: string, detail: Record<string, unknown> = {}): void {
    const el = typeof target === 'string' ? this.get(target) : target
    const wxEl = el.__wxElement
    if (!wxEl) throw new Error(`${this.route}: ${typeof target === 'string' ? target : el.tagName} is not a rendered mini-program node`)
    const { window, exparser } = view()
    const ev = new window.CustomEvent(type, { bubbles: true, cancelable: true, detail })
    el.dispatchEvent(ev)
    const touches = [{ identifier: 0, pageX: 10, pageY: 10, clientX: 10, clientY: 10 }]
    exparser.Event.dispatchEvent(
      wxEl,
      exparser.Event.create(type, detail, { originalEvent: ev, bubbles: true, capturePhase: true, composed: true, extraFields: { touches, changedTouches: touches } }),
    )
  }

  async tap(target: string | WxDomElement): Promise<void> {
    this.trigger(target, 'tap', { x: 10, y: 10 })
    await this.mp.idle()
  }

  /** Types into an input/textarea: the node itself or the first input/textarea inside it. */
  async input(target: string | WxDomElement, value: string): Promise<void> {
    const el = typeof target === 'string' ? this.get(target) : target
    const field = /^WX-(INPUT|TEXTAREA)$/.test(el.tagName) ? el : (el.querySelector('wx-textarea, wx-input') as WxDomElement | null)
    if (!field) throw new Error(`${this.route}: no input or textarea at ${typeof target === 'string' ? target : el.tagName}`)
    this.trigger(field, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.mp.idle()
  }

  /** Polls the rendered text. */
  async waitForText(text: string | RegExp, timeoutMs = 3000): Promise<void> {
    const end = Date.now() + timeoutMs
    const has = () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text()))
    while (!has()) {
      if (Date.now() > end) throw new Error(`${this.route}: "${String(text)}" not rendered within ${timeoutMs} ms. Rendered: ${this.text()}`)
      await sleep(10)
    }
  }

  unload(): void {
    if (this.unloaded) return
    this.mp.deliver(`${this.route} onUnload`, () => (this.instance.onUnload as Fn | undefined)?.call(this.instance))
    this.unloaded = true
    this.rendered.detach()
    this.container.remove()
    this.mp.removePage(this)
  }
}

/** The event as it arrives in the logic thread: plain data only. */
function serialiseEvent(e: unknown): Record<string, unknown> {
  const ev = e as Record<string, unknown>
  const target = (t: unknown) => {
    const x = (t ?? {}) as Record<string, unknown>
    return { id: x.id ?? '', dataset: { ...((x.dataset as object) ?? {}) }, offsetLeft: x.offsetLeft ?? 0, offsetTop: x.offsetTop ?? 0 }
  }
  return bridge({
    type: ev.type,
    timeStamp: ev.timeStamp ?? Date.now(),
    detail: ev.detail ?? {},
    target: target(ev.target),
    currentTarget: target(ev.currentTarget),
    mark: ev.mark ?? {},
    touches: ev.touches ?? [],
    changedTouches: ev.changedTouches ?? [],
  })
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r))
}
