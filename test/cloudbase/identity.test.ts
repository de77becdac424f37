/**
 * CloudbaseIdentity takes the caller's OPENID from what the platform injects (the invocation
 * context, or the runtime environment via the real SDK's auth().getUserInfo()), never from an
 * event payload the client wrote.
 */
import * as tcb from '@cloudbase/node-sdk'
import { CloudbaseIdentity } from '../../backend/adapters/cloudbase/identity'
import { clearedEnvForEachTest } from '../support/env'

clearedEnvForEachTest(['WX_OPENID', 'WX_CONTEXT_KEYS', 'TCB_CONTEXT_KEYS', 'TENCENTCLOUD_RUNENV'])

/** An SCF invocation context as the runtime passes it to `main(event, context)`. */
function scfContext(environment: Record<string, string> | string, extra: Record<string, unknown> = {}) {
  return {
    memory_limit_in_mb: 256,
    time_limit_in_ms: 10000,
    request_id: 'req-1',
    function_version: '$LATEST',
    function_name: 'reports',
    namespace: 'test-env',
    environment: typeof environment === 'string' ? environment : JSON.stringify(environment),
    ...extra,
  }
}

function realApp() {
  return tcb.init({ env: 'test-env', secretId: 'fake-secret-id', secretKey: 'fake-secret-key' })
}

describe('CloudbaseIdentity', () => {
  it('reads WX_OPENID from the invocation context', async () => {
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(scfContext({ WX_OPENID: 'oABC123-xyz_9', WX_APPID: 'wx123', TCB_ENV: 'test-env' }))).toEqual({
      openid: 'oABC123-xyz_9',
    })
  })

  it('reads the old runtime\'s `environ` text too', async () => {
    const ctx = { ...scfContext({}), environment: undefined, environ: 'WX_APPID=wx123;WX_OPENID=oOLD12345;TCB_ENV=test-env' }
    expect(await new CloudbaseIdentity(realApp()).resolve(ctx)).toEqual({ openid: 'oOLD12345' })
  })

  it('falls back to the runtime environment through the SDK\'s auth().getUserInfo()', async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = 'oFromRuntime1'
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(scfContext({ TCB_ENV: 'test-env' }))).toEqual({ openid: 'oFromRuntime1' })
    // The context wins over the environment when both are there.
    expect(await id.resolve(scfContext({ WX_OPENID: 'oFromContext1' }))).toEqual({ openid: 'oFromContext1' })
  })

  it('never takes an identity from the event payload', async () => {
    const id = new CloudbaseIdentity(realApp())
    const forged = { openid: 'oForged0001', OPENID: 'oForged0001', WX_OPENID: 'oForged0001', userInfo: { openId: 'oForged0001' } }
    // An event passed where the context belongs carries no platform fields: nobody.
    expect(await id.resolve({ action: 'create', data: {}, ...forged })).toBeNull()
    // A real context with forged top-level fields and no platform OPENID: still nobody.
    expect(await id.resolve(scfContext({ TCB_ENV: 'test-env' }, forged))).toBeNull()
    // A real context plus forged fields: the platform's value, not the forged one.
    expect(await id.resolve(scfContext({ WX_OPENID: 'oPlatform01' }, forged))).toEqual({ openid: 'oPlatform01' })
  })

  it('answers null for no context, a broken one, or a value that is not an OPENID', async () => {
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(undefined)).toBeNull()
    expect(await id.resolve(null)).toBeNull()
    expect(await id.resolve('oABC123')).toBeNull()
    expect(await id.resolve(scfContext('{not json'))).toBeNull()
    expect(await id.resolve(scfContext({ WX_OPENID: '' }))).toBeNull()
    expect(await id.resolve(scfContext({ WX_OPENID: 'has space in it' }))).toBeNull()
    expect(await new CloudbaseIdentity().resolve(scfContext({}))).toBeNull()
  })
})

describe('CloudbaseIdentity for web callers (H5 desk sign-in)', () => {
  clearedEnvForEachTest(['TCB_UUID', 'TCB_ISANONYMOUS_USER', 'WX_OPENID', 'WX_CONTEXT_KEYS', 'TCB_CONTEXT_KEYS'])

  it('takes a signed-in CloudBase user id from the invocation context', async () => {
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(scfContext({ TCB_UUID: 'uid-staff-0001', TCB_ISANONYMOUS_USER: 'false', TCB_SOURCE: 'web', TCB_ENV: 'test-env' }))).toEqual({ webUid: 'uid-staff-0001' })
  })

  it('refuses an anonymous web sign-in: it resolves to nobody', async () => {
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(scfContext({ TCB_UUID: 'uid-anon-0001', TCB_ISANONYMOUS_USER: 'true', TCB_SOURCE: 'web' }))).toBeNull()
  })

  it('keeps the OPENID for mini-program calls, even when a uid comes along', async () => {
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(scfContext({ WX_OPENID: 'oMini000001', TCB_UUID: 'uid-staff-0001', TCB_ISANONYMOUS_USER: 'false' }))).toEqual({ openid: 'oMini000001' })
  })

  it('falls back to the runtime environment through the real SDK, anonymous refused there too', async () => {
    const id = new CloudbaseIdentity(realApp())
    process.env.TCB_CONTEXT_KEYS = 'TCB_UUID,TCB_ISANONYMOUS_USER'
    process.env.TCB_UUID = 'uid-runtime-01'
    process.env.TCB_ISANONYMOUS_USER = 'false'
    expect(await id.resolve(scfContext({ TCB_ENV: 'test-env' }))).toEqual({ webUid: 'uid-runtime-01' })
    process.env.TCB_ISANONYMOUS_USER = 'true'
    expect(await id.resolve(scfContext({ TCB_ENV: 'test-env' }))).toBeNull()
  })

  it('answers null for a uid that is not a token, and never reads a uid from the payload', async () => {
    const id = new CloudbaseIdentity(realApp())
    expect(await id.resolve(scfContext({ TCB_UUID: 'has space in it', TCB_ISANONYMOUS_USER: 'false' }))).toBeNull()
    expect(await id.resolve(scfContext({ TCB_ENV: 'test-env' }, { TCB_UUID: 'uid-forged-01', webUid: 'uid-forged-01' }))).toBeNull()
  })
})
