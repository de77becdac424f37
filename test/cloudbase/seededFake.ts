/**
 * A FakeCloudbase holding the demo district, for running built functions (cloudfunctions/<name>/
 * index.js with the sdk.js beside it) in fresh Node processes exactly as CloudBase runs them: cloud
 * mode, the caller's OPENID in the invocation context, the SDK pointed at the fake by
 * CLOUDBASE_SERVICE_URL. Shared by the bundles test and the cold-start bench (figure 5).
 */
import { randomBytes } from 'node:crypto'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { Vault } from '../../backend/crypto/vault'
import { seedDemo } from '../../backend/seed/seed'
import type { CollectionSpec } from '../../backend/adapters/cloudbase/indexes'
import { FakeCloudbase } from './fakeCloudbase'
import { QUIET_SDK_ENV, sdkApp } from './sdkApp'

export interface SeededFake {
  fake: FakeCloudbase
  /** The environment of a function process: cloud mode, over the fake, with the PII key. */
  env: NodeJS.ProcessEnv
  /** The invocation context CloudBase hands `main` for a mini-program call by this demo user (null: none). */
  context(userId: string | null): unknown
  stop(): Promise<void>
}

/** Each demo user signs in from WeChat with an OPENID derived from their id. */
const openidOf = (userId: string) => `oBench_${userId.replace(/[^A-Za-z0-9_-]/g, '_')}`

/**
 * Variables of the parent that would point a child elsewhere (a real environment, local mode's
 * data, the repository's node_modules) are left out; the SDK's two off-cloud habits are switched off as in sdkApp.ts.
 */
const DROP = ['NODE_PATH', 'TCB_ENV', 'SCF_NAMESPACE', 'JIEFANG_MODE', 'DATA_DIR', 'WX_OPENID', 'TENCENTCLOUD_RUNENV', 'CLOUDBASE_REGION']

export async function seededFake(opts: { indexes?: CollectionSpec[]; users?: string[] } = {}): Promise<SeededFake> {
  const saved = Object.fromEntries(Object.keys(QUIET_SDK_ENV).map((k) => [k, process.env[k]]))
  Object.assign(process.env, QUIET_SDK_ENV)
  const fake = new FakeCloudbase({ indexes: opts.indexes })
  await fake.start()
  const key = randomBytes(32)
  const store = new CloudbaseStore(sdkApp(fake, 10_000).database(), { retryDelayMs: 1 })
  await seedDemo(store, new Vault(key))
  for (const id of opts.users ?? []) {
    const u = await store.getUser(id)
    if (!u) throw new Error(`seededFake: no demo user ${id}`)
    await store.replaceUser({ ...u, openid: openidOf(id) }, u)
  }
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROP.includes(k))) as NodeJS.ProcessEnv
  return {
    fake,
    env: {
      ...base,
      JIEFANG_MODE: 'cloudbase',
      CLOUDBASE_ENV_ID: 'test-env',
      CLOUDBASE_SERVICE_URL: fake.serviceUrl,
      TENCENTCLOUD_SECRETID: 'fake-secret-id',
      TENCENTCLOUD_SECRETKEY: 'fake-secret-key',
      ...QUIET_SDK_ENV,
      JIEFANG_PII_KEY: key.toString('base64'),
    },
    context: (userId) =>
      userId === null
        ? { request_id: 'bench', namespace: 'test-env', environment: JSON.stringify({ TCB_ENV: 'test-env' }) }
        : { request_id: 'bench', namespace: 'test-env', environment: JSON.stringify({ WX_OPENID: openidOf(userId), WX_APPID: 'wxbench000000000', TCB_ENV: 'test-env' }) },
    stop: () => fake.stop(),
  }
}

/** `cloudfunctions/<name>` as deployed — everything but local.js, local mode's SQLite adapters — copied to `into/<name>`. */
export function deployedCopy(fnRoot: string, name: string, into: string): string {
  const dir = join(into, name)
  cpSync(join(fnRoot, name), dir, { recursive: true, filter: (src) => !src.endsWith('local.js') })
  return dir
}
