import Taro from '@tarojs/taro'
import { api } from '../../api'
import type { ActionView, MediationView, TimelineView } from '../../contracts/api'

/** What the case page shows when WeChat's video cannot be used: the session's meeting link then. */
export const NO_VIDEO = '当前无法使用微信视频通话，请使用备用会议链接参加调解'

type CaseAnswer = { case: MediationView; timeline: TimelineView[]; actions: ActionView[] }

export type VideoEntered = { ok: true; openIds: string[]; selfOpenId: string | null; answer: CaseAnswer | null; warning: string | null }
export type VideoRefused = { ok: false; fallback: boolean; message: string }

type WxCall = (o: Record<string, unknown>) => unknown
type VoipApi = { joinVoIPChat?: WxCall; exitVoIPChat?: WxCall }

/** Taro hands the VoIP APIs through unwrapped: called with callbacks, which every base library honours. */
function wxCall<T>(fn: WxCall, options: Record<string, unknown>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    fn({ ...options, success: resolve, fail: reject })
  })
}

/** Only the mini-program has joinVoIPChat, and only a WeChat (base library 2.7+) that offers it. */
export function videoSupported(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof (Taro as unknown as VoipApi).joinVoIPChat === 'function'
}

/** WeChat's own codes of joinVoIPChat (wx.joinVoIPChat → 错误). */
function joinFailure(code: unknown): string {
  if (code === -2) return '麦克风正被占用（可能正在通话），请结束通话后重试，或使用备用会议链接'
  if (code === -3) return '进入视频时被中断，请重试，或使用备用会议链接'
  return NO_VIDEO
}

async function allowed(scope: 'scope.record' | 'scope.camera'): Promise<boolean> {
  try {
    await Taro.authorize({ scope })
    return true
  } catch {
    return false
  }
}

/**
 * Enters a video session: the signature from the voip function, the microphone and camera, WeChat's
 * room (roomType video), then the entry recorded on the case. Where WeChat's video cannot be used —
 * no API, the appid without the capability (VOIP_UNAVAILABLE), WeChat refusing the room — the
 * answer says to fall back on the meeting link.
 */
export async function enterVideo(caseId: string, sessionId: string): Promise<VideoEntered | VideoRefused> {
  if (!videoSupported()) return { ok: false, fallback: true, message: NO_VIDEO }
  const signed = await api.call('voip.sign', { id: caseId, sessionId })
  if (!signed.ok) return { ok: false, fallback: signed.code === 'VOIP_UNAVAILABLE', message: signed.message }
  if (!(await allowed('scope.record')) || !(await allowed('scope.camera'))) {
    return { ok: false, fallback: false, message: '请在小程序设置中允许使用麦克风和摄像头后再进入视频调解' }
  }
  let openIds: string[] = []
  try {
    const r = await wxCall<{ openIdList?: string[] }>((Taro as unknown as Required<VoipApi>).joinVoIPChat, {
      roomType: 'video',
      groupId: signed.groupId,
      nonceStr: signed.nonceStr,
      timeStamp: signed.timeStamp,
      signature: signed.signature,
    })
    openIds = r?.openIdList ?? []
  } catch (e) {
    // -1: already in this room (the page came back to a call still going on).
    const code = (e as { errCode?: unknown })?.errCode
    if (code !== -1) return { ok: false, fallback: true, message: joinFailure(code) }
  }
  const rec = await api.call('voip.joined', { id: caseId, sessionId })
  // In the room whatever the record says: the call goes on, the page says the record failed.
  return { ok: true, openIds, selfOpenId: signed.selfOpenId, answer: rec.ok ? rec : null, warning: rec.ok ? null : rec.message }
}

/** Leaves WeChat's room and records it on the case. */
export async function leaveVideo(caseId: string, sessionId: string) {
  try {
    const exit = (Taro as unknown as VoipApi).exitVoIPChat
    if (exit) await wxCall(exit, {})
  } catch {
    // Already out (the call was interrupted): the record still says they left.
  }
  return api.call('voip.left', { id: caseId, sessionId })
}
