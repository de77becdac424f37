import { createHmac } from 'node:crypto'
import type { VoipSigner, VoipSignRequest } from '../../voipSignPort'

/** The project's appid until a real one is set (project.config.json): WeChat's own tourist id. */
export const STAND_IN_APPID = 'touristappid'

/**
 * WeChat's documented joinVoIPChat signature (多人音视频对话 → 签名算法): the four values as strings,
 * sorted, joined, HMAC-SHA256 keyed with the user's session_key as given (not base64-decoded), hex.
 */
export function voipSignature(appId: string, groupId: string, nonceStr: string, timeStamp: number, sessionKey: string): string {
  const text = [appId, groupId, nonceStr, String(timeStamp)].sort().join('')
  return createHmac('sha256', sessionKey).update(text, 'utf8').digest('hex')
}

/**
 * The local server's stand-in for getVoIPSign, so the whole path (sign → join → record) runs
 * without WeChat: the documented algorithm over the tourist appid with a stand-in session key per
 * user (base64 of the first 16 bytes of HMAC-SHA256(local secret, "voip-session-key:" + user id)).
 * Only WeChat holds a real session_key: joinVoIPChat refuses this signature, and the app then offers
 * the meeting link. The answer says so (`signer: 'stand_in'`).
 */
export class StandInVoipSigner implements VoipSigner {
  readonly kind = 'stand_in' as const

  constructor(private readonly secret: Buffer) {}

  /** The stand-in session_key of one user: stable for the data directory, unknown outside it. */
  sessionKeyOf(userId: string): string {
    return createHmac('sha256', this.secret).update(`voip-session-key:${userId}`).digest().subarray(0, 16).toString('base64')
  }

  async sign(r: VoipSignRequest) {
    return { ok: true as const, signature: voipSignature(STAND_IN_APPID, r.groupId, r.nonceStr, r.timeStamp, this.sessionKeyOf(r.userId)) }
  }
}
