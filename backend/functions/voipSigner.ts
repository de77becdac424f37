import { StandInVoipSigner } from '../adapters/local/voipSigner'
import { loadOrCreateSecret } from '../adapters/local/secret'
import { WechatVoipSigner, type WxServerSdk } from '../adapters/wechat/voipSign'
import { dataDir, deps } from '../runtime'
import type { VoipSigner } from '../voipSignPort'

let signer: VoipSigner | undefined

/**
 * The voip function's signer, chosen once per process by mode. Wired here rather than in
 * runtime.ts so that wx-server-sdk is named by this one bundle only: it is the one function whose
 * package.json installs it (backend/functions/index.json), and the one whose calls carry the
 * mini-program user's context getVoIPSign signs for.
 */
export function voipSigner(): VoipSigner {
  signer ??=
    deps().mode === 'cloudbase'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        new WechatVoipSigner(() => require('wx-server-sdk') as WxServerSdk)
      : new StandInVoipSigner(loadOrCreateSecret(dataDir(), 'voip.secret'))
  return signer
}
