/** How a 视频调解 session reads on the case (MediationView.sessions[].video); the `voip` function records it (voip.ts). */

/** A video session as the case page shows it (staff desk and mini-program alike). */
export interface VideoSessionView {
  /** Someone is in the room now (进行中). */
  live: boolean
  /** 未开始 / 进行中 / 已结束. */
  stateLabel: string
  startedAt: string | null
  endedAt: string | null
  /** Minutes from the start to the end, or to now while it goes on; null before it started. */
  minutes: number | null
  /** The room opens 30 minutes before the session and stays open 4 hours after it. */
  opensAt: string
  closesAt: string
  /** Every entry, in order: who (a party by name, staff by name and role), when in, when out. */
  joined: Array<{ name: string; roleLabel: string; at: string; leftAt: string | null; isMe: boolean }>
  /** Whether the viewer is one of those who may enter (a party, the assigned mediator, an invited helper). */
  mayJoin: boolean
  /** The viewer is recorded in the room now. */
  meInRoom: boolean
}
