/**
 * The joinVoIPChat signers (backend/voipSignPort.ts): on CloudBase wx-server-sdk's getVoIPSign,
 * here with a faked SDK (every refusal becomes VOIP_UNAVAILABLE, the meeting link's cue); locally
 * the stand-in, which is WeChat's documented algorithm over a stand-in session key. Only the voip
 * function names and installs wx-server-sdk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { StandInVoipSigner, STAND_IN_APPID, voipSignature } from '../../backend/adapters/local/voipSigner'
import { WechatVoipSigner, type WxServerSdk } from '../../backend/adapters/wechat/voipSign'
import { ROOT } from '../support/server'

const REQUEST = { groupId: '01JF0000000000000000000000', nonceStr: '01JF0000000000000000000001', timeStamp: 1_796_000_000, userId: 'u-1' }

describe('the documented signature', () => {
  it("matches WeChat's own example (多人音视频对话 → 签名算法)", () => {
    expect(voipSignature('wx20afc706a711eefc', '1559129713_672975982', '8AP6DT9ybtniUJfb', 1559129714, 'gDyVgzwa0mFz9uUP7M6GQQ==')).toBe(
      'b002b824688dd8593a6079e11d8c5e8734fbcb39a6d5906eb347bfbcad79c617',
    )
  })
})

describe('the local stand-in', () => {
  const signer = new StandInVoipSigner(Buffer.alloc(32, 7))

  it('signs with the documented algorithm over the tourist appid and a stand-in session key per user', async () => {
    const key = signer.sessionKeyOf('u-1')
    expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(signer.sessionKeyOf('u-2')).not.toBe(key)
    expect(new StandInVoipSigner(Buffer.alloc(32, 8)).sessionKeyOf('u-1')).not.toBe(key)
    expect(await signer.sign(REQUEST)).toEqual({ ok: true, signature: voipSignature(STAND_IN_APPID, REQUEST.groupId, REQUEST.nonceStr, REQUEST.timeStamp, key) })
    expect(signer.kind).toBe('stand_in')
  })
})

describe('getVoIPSign through wx-server-sdk', () => {
  function fakeSdk(answer: (o: unknown) => Promise<unknown>) {
    const calls: unknown[] = []
    const inits: unknown[] = []
    const env = Symbol('DYNAMIC_CURRENT_ENV')
    const sdk: WxServerSdk = {
      DYNAMIC_CURRENT_ENV: env,
      init: (o) => void inits.push(o),
      getVoIPSign: (o) => {
        calls.push(o)
        return answer(o) as Promise<{ signature?: unknown }>
      },
    }
    return { sdk, calls, inits, env }
  }
  let warn: jest.SpyInstance
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => warn.mockRestore())

  it('initialises the SDK once for the current environment and passes groupId, timestamp and nonce', async () => {
    const f = fakeSdk(async () => ({ signature: 'abc123', errMsg: 'getVoIPSign:ok', errCode: 0 }))
    let loads = 0
    const signer = new WechatVoipSigner(() => (loads++, f.sdk))
    expect(loads).toBe(0)
    expect(await signer.sign(REQUEST)).toEqual({ ok: true, signature: 'abc123' })
    expect(await signer.sign({ ...REQUEST, nonceStr: 'n2' })).toEqual({ ok: true, signature: 'abc123' })
    expect(loads).toBe(1)
    expect(f.inits).toEqual([{ env: f.env }])
    expect(f.calls).toEqual([
      { groupId: REQUEST.groupId, timestamp: REQUEST.timeStamp, nonce: REQUEST.nonceStr },
      { groupId: REQUEST.groupId, timestamp: REQUEST.timeStamp, nonce: 'n2' },
    ])
    expect(signer.kind).toBe('wechat')
  })

  it.each([
    ['WeChat refuses (no capability for the appid, not a mini-program caller)', async () => Promise.reject({ errCode: -604101, errMsg: 'getVoIPSign:fail no permission' })],
    ['the SDK throws', async () => Promise.reject(new Error('socket hang up'))],
    ['an answer without a signature', async () => ({ errMsg: 'getVoIPSign:ok' })],
    ['an empty signature', async () => ({ signature: '' })],
  ])('answers VOIP_UNAVAILABLE when %s', async (_why, answer) => {
    const signer = new WechatVoipSigner(() => fakeSdk(answer).sdk)
    expect(await signer.sign(REQUEST)).toMatchObject({ ok: false, code: 'VOIP_UNAVAILABLE', message: '暂时无法使用微信视频通话，请使用会议链接参加调解' })
  })

  it('answers VOIP_UNAVAILABLE when the SDK is not installed', async () => {
    const signer = new WechatVoipSigner(() => {
      throw new Error("Cannot find module 'wx-server-sdk'")
    })
    expect(await signer.sign(REQUEST)).toMatchObject({ ok: false, code: 'VOIP_UNAVAILABLE' })
  })

  it('relies on what wx-server-sdk really exports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = require('wx-server-sdk') as Record<string, unknown>
    expect({ init: typeof real.init, getVoIPSign: typeof real.getVoIPSign, env: typeof real.DYNAMIC_CURRENT_ENV }).toEqual({ init: 'function', getVoIPSign: 'function', env: 'symbol' })
  })
})

describe('wx-server-sdk belongs to the voip function alone', () => {
  const fnRoot = join(ROOT, 'cloudfunctions')
  const built = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'index.js')))

  it('is installed for voip only (its package.json), and named by no other bundle', () => {
    expect(built).toContain('voip')
    for (const name of built) {
      const deps = JSON.parse(readFileSync(join(fnRoot, name, 'package.json'), 'utf8')).dependencies ?? {}
      const named = readFileSync(join(fnRoot, name, 'index.js'), 'utf8').includes('wx-server-sdk')
      expect({ name, installs: 'wx-server-sdk' in deps, named }).toEqual({ name, installs: name === 'voip', named: name === 'voip' })
    }
  })
})
