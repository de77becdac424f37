/** The real node-sdk app, pointed at a FakeCloudbase over loopback. */
import * as tcb from '@cloudbase/node-sdk'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { FakeCloudbase } from './fakeCloudbase'

export function sdkApp(fake: FakeCloudbase, timeout = 3000): ReturnType<typeof tcb.init> {
  return tcb.init({
    env: 'test-env',
    // The SDK signs every request and refuses to send without a key pair; the fake ignores it.
    secretId: 'fake-secret-id',
    secretKey: 'fake-secret-key',
    serviceUrl: fake.serviceUrl,
    // No pooled sockets left behind for jest to wait on.
    keepalive: false,
    timeout,
  })
}

/**
 * Two SDK habits that only matter off Tencent Cloud, switched off by jest hooks:
 * - it probes http://metadata.tencentyun.com before every request (caching only a success),
 *   ~70 ms a call; TENCENTCLOUD answers the probe, and with `serviceUrl` set changes nothing else;
 * - a database request starts a 3 s "slow request" timer that a failed request never clears;
 *   SILENCE turns that warning off so failure tests leave no timers behind.
 */
export const QUIET_SDK_ENV = { TENCENTCLOUD: 'true', SILENCE: 'true' }

export function quietSdkRuntime(): void {
  const vars = QUIET_SDK_ENV
  const saved: Record<string, string | undefined> = {}
  beforeAll(() => {
    for (const [k, v] of Object.entries(vars)) {
      saved[k] = process.env[k]
      process.env[k] = v
    }
  })
  afterAll(() => {
    for (const k of Object.keys(vars)) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  })
}

/**
 * A quiet SDK runtime, and per test a started FakeCloudbase with a CloudbaseStore over the real SDK
 * (`timeout` for the app, `retryDelayMs` for the store); both stopped after the test. `ready` gets
 * the running test's fake, store and app before the suite's own beforeEach hooks run.
 */
export function cloudbaseForEachTest(
  ready: (fake: FakeCloudbase, store: CloudbaseStore, app: ReturnType<typeof tcb.init>) => void,
  opts: { timeout?: number; retryDelayMs?: number } = {},
): void {
  quietSdkRuntime()
  let fake: FakeCloudbase | undefined
  let store: CloudbaseStore | undefined
  beforeEach(async () => {
    fake = new FakeCloudbase()
    await fake.start()
    const app = sdkApp(fake, opts.timeout)
    store = new CloudbaseStore(app.database(), { retryDelayMs: opts.retryDelayMs ?? 1 })
    ready(fake, store, app)
  })
  afterEach(async () => {
    await store?.close()
    await fake?.stop()
    fake = store = undefined
  })
}

/** A FakeCloudbase running for the enclosing describe block (started before its tests, stopped after); call the getter inside a test. */
export function runningFake(): () => FakeCloudbase {
  let fake: FakeCloudbase | undefined
  beforeAll(async () => {
    fake = new FakeCloudbase()
    await fake.start()
  })
  afterAll(async () => {
    await fake?.stop()
  })
  return () => fake!
}
