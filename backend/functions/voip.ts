import { joined } from '../usecases/voip/joined'
import { left } from '../usecases/voip/left'
import { sign } from '../usecases/voip/sign'
import { WechatVoipSigner, type WxServerSdk } from '../adapters/wechat/voipSign'
import { provideWechat } from '../runtime'
import { action, defineFunction } from './handler'
import { voipSession } from '../../src/contracts/voipSchemas'

// The one bundle that names wx-server-sdk (external: CloudBase installs it from this function's
// package.json); required on the first signature, never at a cold start of another call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
provideWechat(() => ({ voipSigner: new WechatVoipSigner(() => require('wx-server-sdk') as WxServerSdk) }))

/** 视频调解: joinVoIPChat's signature for a session's room, and who entered and left it. */
export const main = defineFunction('voip', {
  sign: action(voipSession, sign),
  joined: action(voipSession, joined),
  left: action(voipSession, left),
})
