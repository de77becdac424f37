/**
 * Wire contract of the `voip` function (视频调解): the joinVoIPChat parameters for one video session
 * of a mediation case, and who entered and left its room. Types only; inputs are inferred from
 * voipSchemas.ts.
 */
import type { z } from 'zod'
import type { ActionView, TimelineView } from './common'
import type { MediationView } from './mediation'
import type * as s from './voipSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export type VoipSessionInput = In<'voipSession'>

/** joinVoIPChat's parameters as WeChat wants them (roomType video). */
export interface VoipSignature {
  groupId: string
  nonceStr: string
  timeStamp: number
  signature: string
  roomType: 'video'
  /**
   * Who signed: `wechat` is cloud.getVoIPSign with the caller's session (CloudBase); `stand_in` is the
   * local server's documented stand-in (HMAC-SHA256 with a stand-in key), which WeChat will refuse.
   */
  signer: 'wechat' | 'stand_in'
  /** The caller's own openid, so the page shows their camera and the others' video (voip-room); null without a WeChat binding. */
  selfOpenId: string | null
}

type CaseAnswer = { case: MediationView; timeline: TimelineView[]; actions: ActionView[] }

export interface VoipApi {
  /** The parties, the assigned mediator and invited helpers, while the session's room is open. */
  'voip.sign': { in: VoipSessionInput; out: VoipSignature }
  /** Recorded once WeChat let the caller into the room: a timeline row; the first entry starts the session. */
  'voip.joined': { in: VoipSessionInput; out: CaseAnswer }
  /** Recorded when the caller left the room: a timeline row; the last one out ends the session. */
  'voip.left': { in: VoipSessionInput; out: CaseAnswer }
}
