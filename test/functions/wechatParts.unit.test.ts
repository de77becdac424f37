/**
 * Issue 21: the WeChat adapters only some functions use (content security, the phone button's
 * exchange, 小程序码, the VoIP signature) are built into a CloudBase Deps only where the function's
 * entry asks for them (provideWechat), so the other bundles do not carry them.
 */
import { WechatContentSecurity } from '../../backend/adapters/wechat/contentSecurity'
import { WechatMiniCodes } from '../../backend/adapters/wechat/wxaCode'
import type * as Runtime from '../../backend/runtime'

/** A fresh runtime module in CloudBase mode (its registrations are per bundle, like a cold start). */
function cloudbaseRuntime(): typeof Runtime {
  let runtime: typeof Runtime | undefined
  jest.isolateModules(() => {
    runtime = jest.requireActual<typeof Runtime>('../../backend/runtime')
  })
  return runtime!
}

describe('WeChat adapters per function (CloudBase mode)', () => {
  const env = { ...process.env }
  beforeAll(() => {
    process.env.JIEFANG_MODE = 'cloudbase'
    process.env.CLOUDBASE_ENV_ID = 'test-env'
  })
  afterAll(() => {
    process.env = env
  })

  it('makes the adapters a function asked for, and only those', () => {
    const runtime = cloudbaseRuntime()
    const { miniCodes, contentSecurity } = jest.requireActual('../../backend/functions/wechatParts')
    runtime.provideWechat(miniCodes)
    runtime.provideWechat(contentSecurity)
    const d = runtime.deps()
    expect(d.mode).toBe('cloudbase')
    expect(d.miniCodes).toBeInstanceOf(WechatMiniCodes)
    expect(d.contentSecurity).toBeInstanceOf(WechatContentSecurity)
    expect(d.phoneNumbers).toBeUndefined()
    expect(d.voipSigner).toBeUndefined()
  })

  it('refuses a content check in a function that asked for none (no use case of its bundle makes one)', async () => {
    const d = cloudbaseRuntime().deps()
    expect(d.miniCodes).toBeUndefined()
    expect(d.contentSecurity).not.toBeInstanceOf(WechatContentSecurity)
    await expect(d.contentSecurity.checkText('你好')).resolves.toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    await expect(d.contentSecurity.checkImage('https://example.invalid/a.jpg')).resolves.toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })
})
