/**
 * The H5 desk's staff sign-in on CloudBase (pages/admin/signin): the SMS-code steps over the
 * js-sdk v3 auth, the binding on first sign-in, and the transport that never signs in
 * anonymously. The SDK is mocked: these check our use of it, not CloudBase.
 */
import { hasStaffSession, phoneForAuth, sendCode, type OtpAuth } from '../../src/api/transports/cloudbaseAuth'
import { bindInvitation, standing } from '../../src/pages/admin/signin/logic'

const sdk = {
  session: null as null | { user: { is_anonymous?: boolean } },
  callFunction: jest.fn(async () => ({ result: { ok: true, user: { id: 'staff-lin' } } })),
  signInAnonymously: jest.fn(),
  signInWithOtp: jest.fn(),
}

jest.mock('@cloudbase/js-sdk', () => ({
  __esModule: true,
  default: {
    init: jest.fn(() => ({
      auth: () => ({
        getSession: async () => ({ data: { session: sdk.session }, error: null }),
        signInAnonymously: sdk.signInAnonymously,
        signInWithOtp: sdk.signInWithOtp,
        signOut: async () => undefined,
      }),
      callFunction: sdk.callFunction,
      uploadFile: jest.fn(),
    })),
  },
}))

function fakeAuth(over: Partial<OtpAuth> = {}): OtpAuth & { sent: string[]; tokens: string[] } {
  const sent: string[] = []
  const tokens: string[] = []
  return {
    sent,
    tokens,
    getSession: async () => ({ data: { session: null }, error: null }),
    signInWithOtp: async ({ phone }) => {
      sent.push(phone)
      return { data: { verifyOtp: async ({ token }) => (tokens.push(token), { error: token === '123456' ? null : { message: 'invalid code' } }) }, error: null }
    },
    signOut: async () => undefined,
    ...over,
  }
}

describe('staff SMS sign-in steps', () => {
  it('normalises mainland mobiles to +86 and refuses anything else', () => {
    expect(phoneForAuth('138 0000 0000')).toBe('+8613800000000')
    expect(phoneForAuth('+86 13800000000')).toBe('+8613800000000')
    expect(phoneForAuth('12345')).toBeNull()
    expect(phoneForAuth('23800000000')).toBeNull()
  })

  it('sends the code to the normalised phone, then verifies the typed code', async () => {
    const auth = fakeAuth()
    expect(await sendCode(auth, '12')).toEqual({ ok: false, message: '请输入 11 位手机号' })
    expect(auth.sent).toEqual([])
    const r = await sendCode(auth, '13800000000')
    expect(r.ok).toBe(true)
    expect(auth.sent).toEqual(['+8613800000000'])
    if (!r.ok) return
    expect(await r.verify('12')).toEqual({ ok: false, message: '请输入短信中的验证码' })
    expect(await r.verify('654321')).toEqual({ ok: false, message: '验证码错误或已过期，请重新获取' })
    expect(await r.verify(' 123456 ')).toEqual({ ok: true })
    expect(auth.tokens).toEqual(['654321', '123456'])
  })

  it('reports a refused send and a network failure in Chinese', async () => {
    expect(await sendCode(fakeAuth({ signInWithOtp: async () => ({ data: null, error: { message: '短信发送频繁' } }) }), '13800000000')).toEqual({ ok: false, message: '验证码发送失败：短信发送频繁' })
    expect(await sendCode(fakeAuth({ signInWithOtp: async () => Promise.reject(new Error('offline')) }), '13800000000')).toEqual({ ok: false, message: '网络不可用，请检查网络后重试' })
  })

  it('counts only a signed-in, non-anonymous session as staff', async () => {
    const withSession = (session: unknown) => fakeAuth({ getSession: async () => ({ data: { session: session as never }, error: null }) })
    expect(await hasStaffSession(withSession(null))).toBe(false)
    expect(await hasStaffSession(withSession({ user: { is_anonymous: true } }))).toBe(false)
    expect(await hasStaffSession(withSession({ user: { is_anonymous: false } }))).toBe(true)
    expect(await hasStaffSession(fakeAuth({ getSession: async () => Promise.reject(new Error('x')) }))).toBe(false)
  })
})

describe('binding on first sign-in', () => {
  const user = { id: 'staff-lin', name: '林晓', roles: [] }
  it('a bound uid goes on; an unbound one is asked for its invitation; errors are shown', async () => {
    expect(await standing({ call: async () => ({ ok: true, user }) as never })).toEqual({ stage: 'bound', user })
    expect(await standing({ call: async () => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先用邀请码绑定工作人员账号' }) as never })).toEqual({ stage: 'invite' })
    expect(await standing({ call: async () => ({ ok: false, code: 'FORBIDDEN', message: '该账号已停用，请联系管理员' }) as never })).toEqual({ stage: 'error', message: '该账号已停用，请联系管理员' })
  })

  it('binds with the typed code (spaces, dashes and case forgiven)', async () => {
    const calls: unknown[] = []
    const api = { call: async (key: string, input: unknown) => (calls.push([key, input]), { ok: true, user }) as never }
    expect(await bindInvitation(api, '')).toEqual({ ok: false, message: '请输入邀请码' })
    expect(await bindInvitation(api, ' abcd-efgh ')).toEqual({ ok: true, user })
    expect(calls).toEqual([['session.bind', { code: 'ABCDEFGH' }]])
    // The client's own words (lost network or server trouble) reach the page unchanged.
    const down = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' }
    expect(await bindInvitation({ call: async () => down as never }, 'ABCDEFGH')).toEqual({ ok: false, message: down.message })
  })
})

describe('the CloudBase H5 transport', () => {
  beforeEach(() => {
    sdk.session = null
    jest.clearAllMocks()
  })

  it('never signs in anonymously: without a staff session a call answers 请先登录 and reaches no function', async () => {
    const { createCloudbaseTransport } = await import('../../src/api/transports/cloudbase')
    const t = createCloudbaseTransport('env-1')
    expect(await t.invoke('session', { action: 'me', data: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })
    sdk.session = { user: { is_anonymous: true } }
    expect(await t.invoke('session', { action: 'me', data: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(sdk.callFunction).not.toHaveBeenCalled()
    expect(sdk.signInAnonymously).not.toHaveBeenCalled()
  })

  it('calls the function once a staff session exists', async () => {
    const { createCloudbaseTransport } = await import('../../src/api/transports/cloudbase')
    sdk.session = { user: { is_anonymous: false } }
    expect(await createCloudbaseTransport('env-1').invoke('session', { action: 'me', data: {} })).toEqual({ ok: true, user: { id: 'staff-lin' } })
    expect(sdk.callFunction).toHaveBeenCalledWith({ name: 'session', data: { action: 'me', data: {} }, parse: true })
    expect(sdk.signInAnonymously).not.toHaveBeenCalled()
  })
})
