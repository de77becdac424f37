import type { Failure } from '../../../src/core/outcome'
import { voipUnavailable, type VoipSigner, type VoipSignRequest } from '../../voipSignPort'

/** The part of wx-server-sdk (4.x) the signer uses: `init` once, then `getVoIPSign` per call. */
export interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol
  init(config?: { env?: unknown }): void
  /** Resolves `{ signature, errMsg, errCode: 0 }`; rejects `{ errCode, errMsg }` (no capability, not a WeChat caller, system error). */
  getVoIPSign(o: { groupId: string; timestamp: number; nonce: string }): Promise<{ signature?: unknown }>
}

/**
 * joinVoIPChat's signature on CloudBase: wx-server-sdk's getVoIPSign, which signs with the session
 * of the mini-program user who called the function (the platform's call context; a function never
 * sees the session_key). The SDK is loaded on the first signature, so no other call of the process
 * pays for it, and only the voip function installs it (backend/functions/index.json). Every refusal
 * — the appid has no 实时语音/视频通话 capability, the caller is not a mini-program user (the H5
 * desk), WeChat is busy — answers VOIP_UNAVAILABLE: the app then offers the meeting link.
 */
export class WechatVoipSigner implements VoipSigner {
  readonly kind = 'wechat' as const
  private sdk: WxServerSdk | undefined

  constructor(private readonly load: () => WxServerSdk) {}

  async sign(r: VoipSignRequest): Promise<{ ok: true; signature: string } | Failure> {
    let sdk: WxServerSdk
    try {
      sdk = this.ready()
    } catch (e) {
      warn('SDK did not load', (e as Error)?.message ?? null)
      return voipUnavailable()
    }
    try {
      const res = await sdk.getVoIPSign({ groupId: r.groupId, timestamp: r.timeStamp, nonce: r.nonceStr })
      if (typeof res?.signature === 'string' && res.signature) return { ok: true, signature: res.signature }
      warn('answered without a signature', null)
    } catch (e) {
      warn('refused', (e as { errCode?: unknown })?.errCode ?? null)
    }
    return voipUnavailable()
  }

  private ready(): WxServerSdk {
    if (!this.sdk) {
      const sdk = this.load()
      // The environment the function runs in, whichever that is (no id in the code).
      sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
      this.sdk = sdk
    }
    return this.sdk
  }
}

function warn(msg: string, code: unknown): void {
  console.warn(JSON.stringify({ level: 'warn', msg: `getVoIPSign ${msg}`, code }))
}
