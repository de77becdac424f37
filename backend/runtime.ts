import { resolve } from 'node:path'
import { monotonicFactory } from 'ulid'
import { systemClock, type Clock } from '../src/core/clock'
import { OrgTree } from '../src/core/org'
import { defaultDistrictConfig, parseDistrictConfig, type DistrictConfig } from './config/district'
import { pooledRandom } from './ids'
import { fail } from '../src/core/outcome'
import type { ContentSecurity } from './contentSecurityPort'
import type { Deps } from './deps'
import { createHost, type Host } from './host'
import type { Store } from './ports'

export type { Deps } from './deps'

/**
 * The wiring: reads the environment, loads the adapters its mode needs and builds the Deps the
 * use cases see (backend/deps.ts). Use cases never import this file (.dependency-cruiser.cjs).
 */

export function isCloudbase(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.JIEFANG_MODE === 'cloudbase' || (env.JIEFANG_MODE !== 'local' && Boolean(env.TCB_ENV || env.SCF_NAMESPACE))
}

/** SQLite's wait for a lock held by another connection (JIEFANG_SQLITE_BUSY_MS; default 5 s). */
export function sqliteOptions(env: NodeJS.ProcessEnv = process.env): { busyTimeoutMs?: number } {
  const ms = Number(env.JIEFANG_SQLITE_BUSY_MS)
  return env.JIEFANG_SQLITE_BUSY_MS && Number.isFinite(ms) && ms >= 0 ? { busyTimeoutMs: ms } : {}
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_DIR || './data')
}

export function loadConfig(): DistrictConfig {
  const file = process.env.JIEFANG_DISTRICT_CONFIG
  if (!file) return defaultDistrictConfig()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs')
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    return parseDistrictConfig(undefined, `${file}: ${(e as Error).message}`)
  }
  return parseDistrictConfig(raw, file)
}

/**
 * The org tree changes rarely; a minute of staleness saves a read on every call. Calls that meet a
 * load under way share it, so the boundary can start it early (backend/functions/handler.ts).
 */
function cachedTree(store: Store, clock: Clock, dataEpoch: () => number): () => Promise<OrgTree> {
  let tree: OrgTree | undefined
  let loadedAt = 0
  let epoch = -1
  let loading: Promise<OrgTree> | undefined
  return () => {
    const now = clock.now().getTime()
    if (tree && now - loadedAt <= 60_000 && epoch === dataEpoch()) return Promise.resolve(tree)
    if (!loading) {
      const at = dataEpoch()
      loading = store
        .listUnits()
        .then((units) => {
          tree = new OrgTree(units)
          loadedAt = now
          epoch = at
          return tree
        })
        .finally(() => (loading = undefined))
    }
    return loading
  }
}

function liveConfig(store: Store, clock: Clock, dataEpoch: () => number, base: DistrictConfig) {
  let current = base
  let loadedAt = -Infinity
  let epoch = -1
  return {
    get: () => current,
    async refresh(): Promise<void> {
      const now = clock.now().getTime()
      if (now - loadedAt < 30_000 && epoch === dataEpoch()) return
      epoch = dataEpoch()
      const latest = await store.latestConfigVersion()
      loadedAt = now
      if (!latest) {
        current = base
        return
      }
      try {
        current = parseDistrictConfig(latest.config, `config version ${latest.version}`)
      } catch (e) {
        console.warn(JSON.stringify({ level: 'warn', msg: `stored district config version ${latest.version} is invalid; using the file's`, error: (e as Error).message.slice(0, 500) }))
        current = base
      }
    },
  }
}

let boundHost: Host | undefined

/** The WeChat open-API adapters only a few functions use: content security, the phone button's exchange, 小程序码, the VoIP signature. */
export type WechatParts = Partial<Pick<Deps, 'contentSecurity' | 'phoneNumbers' | 'miniCodes' | 'voipSigner'>>

const wechatParts: ((wx: never) => WechatParts)[] = []

/**
 * A function that uses one of them asks for it in its entry (backend/functions/<name>.ts), so only
 * its bundle carries the adapter; on CloudBase each is made from the function's open API. Locally
 * there is no WeChat: the stand-ins of local mode (localAdapters.ts) apply instead.
 */
export function provideWechat(make: (wx: never) => WechatParts): void {
  wechatParts.push(make)
}

/**
 * Where no content security was asked for, no use case of the bundle checks content (report
 * moderation and account.update do, in the cases and account functions): a check would be refused.
 */
const noContentSecurity: ContentSecurity = {
  checkText: async () => fail('UNAVAILABLE', '暂时无法检测内容'),
  checkImage: async () => fail('UNAVAILABLE', '暂时无法检测图片'),
}

/** The host this bundle shares with the others in its process; made here at cold start when nobody bound one. */
export function host(): Host {
  boundHost ??= createHost()
  return boundHost
}

/**
 * Exported by every function bundle (scripts/build-functions.mjs): the local server hands each
 * bundle it loads the one host of its process before the first call (backend/server/functions.ts).
 */
export function bind(h: Host): void {
  boundHost = h
  current = undefined
}

/** Whether this bundle has its host yet (bound by a server, or made by a first call). */
export function isBound(): boolean {
  return boundHost !== undefined
}

function localDeps(): Deps {
  // Not in the function's bundle: cloudfunctions/<name>/local.js (backend/localAdapters.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localAdapters } = require('./localAdapters') as typeof import('./localAdapters')
  const h = host()
  const dir = dataDir()
  const local = localAdapters(h, dir, sqliteOptions(), deps)
  const ulid = monotonicFactory(pooledRandom)
  const config = liveConfig(local.store, h.clock, h.dataEpoch, loadConfig())
  return {
    ...rentalParts(config.get, { dataDir: dir, secret: local.secret }),
    mode: 'local',
    store: local.store,
    files: local.files,
    fileUrl: local.fileUrl,
    identity: local.identity,
    notifier: local.notifier,
    voipSigner: local.voipSigner,
    contentSecurity: local.contentSecurity,
    qrSvg: local.qrSvg,
    // Local mode's clock can be moved forward (dev tools, end-to-end tests of the SLA timer).
    clock: h.clock,
    newId: () => ulid(),
    get config() {
      return config.get()
    },
    refreshConfig: config.refresh,
    orgTree: cachedTree(local.store, h.clock, h.dataEpoch),
    dataChanged: h.markDataChanged,
  }
}

function cloudbaseDeps(): Deps {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createCloudbaseDeps, initApp } = require('./adapters/cloudbase/wiring') as typeof import('./adapters/cloudbase/wiring')
  const { WechatNotifier } = require('./adapters/wechat/notifier') as typeof import('./adapters/wechat/notifier')
  /* eslint-enable @typescript-eslint/no-require-imports */
  const h = host()
  const parts = createCloudbaseDeps()
  /** The open API (subscribe messages, content security) of the function's WeChat account. */
  const wx = initApp() as never
  const wechat: WechatParts = Object.assign({}, ...wechatParts.map((make) => make(wx)))
  const ulid = monotonicFactory(pooledRandom)
  const config = liveConfig(parts.store, systemClock, h.dataEpoch, loadConfig())
  return {
    ...rentalParts(config.get, null),
    mode: 'cloudbase',
    ...parts,
    notifier: new WechatNotifier(wx),
    ...wechat,
    contentSecurity: wechat.contentSecurity ?? noContentSecurity,
    clock: systemClock,
    newId: () => ulid(),
    get config() {
      return config.get()
    },
    refreshConfig: config.refresh,
    orgTree: cachedTree(parts.store, systemClock, h.dataEpoch),
    // On CloudBase each instance notices another's change within its cache time (a minute for
    // the tree, half a minute for the configuration); its own at once.
    dataChanged: h.markDataChanged,
  }
}

/**
 * The PII vault and the door-access webhook. Keys come from the environment (the CloudBase
 * function's variables or KMS); only local mode (dataDir given) generates them into the data
 * directory. In CloudBase a missing key leaves the vault out, and rental refuses as unavailable.
 */
function rentalParts(config: () => DistrictConfig, local: { dataDir: string; secret(name: string): Buffer } | null): Pick<Deps, 'vault' | 'access' | 'webhooks'> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Vault, loadPiiKey } = require('./crypto/vault') as typeof import('./crypto/vault')
  const { AccessWebhook } = require('./adapters/webhook/accessWebhook') as typeof import('./adapters/webhook/accessWebhook')
  const { postSigned } = require('./adapters/webhook/signedPost') as typeof import('./adapters/webhook/signedPost')
  /* eslint-enable @typescript-eslint/no-require-imports */
  const key = loadPiiKey(process.env, local && { dataDir: local.dataDir })
  const envSecret = process.env.JIEFANG_ACCESS_WEBHOOK_SECRET
  const secret = envSecret ? Buffer.from(envSecret, 'utf8') : local ? local.secret('access-webhook.secret') : null
  const url = () => process.env.JIEFANG_ACCESS_WEBHOOK_URL || config().rental.accessControl.webhookUrl
  return {
    ...(key ? { vault: new Vault(key) } : {}),
    ...(secret ? { access: new AccessWebhook(url, secret) } : {}),
    webhooks: { post: (to, key, eventId, body) => postSigned(to, key, eventId, body) },
  }
}

let current: Deps | undefined

/** Lazily built so a cold start pays only for the adapters its mode needs. */
export function deps(): Deps {
  current ??= isCloudbase() ? cloudbaseDeps() : localDeps()
  return current
}

/** Tests swap in their own store, clock or config. */
export function useDeps(d: Deps | undefined): void {
  current = d
}
