import { fail, type Failure } from '../src/core/outcome'

/** What the app shows when WeChat's video cannot be used: it then offers the session's meeting link. */
export const VOIP_UNAVAILABLE_MESSAGE = '暂时无法使用微信视频通话，请使用会议链接参加调解'

export interface VoipSignRequest {
  /** joinVoIPChat's groupId: the session's room. */
  groupId: string
  /** Fewer than 128 characters. */
  nonceStr: string
  /** Seconds since the epoch. */
  timeStamp: number
  /** The caller; WeChat knows them from the call's context, the local stand-in keys on it. */
  userId: string
}

/**
 * The signature joinVoIPChat checks: hmac_sha256 of appId, groupId, nonceStr and timeStamp sorted and
 * joined, keyed with the user's session_key. CloudBase never shows a function the session key, so
 * there it is wx-server-sdk's getVoIPSign; locally a documented stand-in WeChat will not accept.
 * Failures come back as values, never as throws.
 */
export interface VoipSigner {
  readonly kind: 'wechat' | 'stand_in'
  sign(r: VoipSignRequest): Promise<{ ok: true; signature: string } | Failure>
}

export function voipUnavailable(): Failure {
  return fail('VOIP_UNAVAILABLE', VOIP_UNAVAILABLE_MESSAGE)
}
