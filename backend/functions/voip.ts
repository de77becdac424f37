import { joined, left } from '../usecases/voip/record'
import { sign } from '../usecases/voip/sign'
import { action, defineFunction } from './handler'
import { voipSession } from '../../src/contracts/voipSchemas'
import { voipSigner } from './voipSigner'

/** 视频调解: joinVoIPChat's signature for a session's room, and who entered and left it. */
export const main = defineFunction('voip', {
  sign: action(voipSession, (d, actor, input) => sign(d, voipSigner(), actor, input)),
  joined: action(voipSession, joined),
  left: action(voipSession, left),
})
