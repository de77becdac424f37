/**
 * 视频调解: a session held through WeChat's multi-party video (joinVoIPChat) — its room, who came
 * and when, and when the room is open. No schema library here: the mini-program decides from these
 * when to offer 「进入视频调解」 exactly as the backend decides whether to sign.
 */

/** Who is on the call, as the session records them. */
export type VideoRole = 'applicant' | 'respondent' | 'mediator' | 'helper'

export const VIDEO_ROLE_LABELS: Record<VideoRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  mediator: '调解员',
  helper: '协助调解人',
}

export interface VideoEntry {
  userId: string
  /** A party's name as the case keeps it at rest (masked, 张*明); staff by their own name. */
  name: string
  role: VideoRole
  /** When they entered the room; `leftAt` once they left it (absent while they are in it). */
  at: string
  leftAt?: string
}

export interface VideoRoom {
  /** joinVoIPChat's groupId: everyone signed into this id meets in one room. */
  roomId: string
  /** The first entry; the session's start. */
  startedAt?: string
  /** The moment the last person in the room left; cleared if someone comes back while the room is open. */
  endedAt?: string
  /** One row per entry, in order: a person who drops out and comes back has two. */
  joined: VideoEntry[]
}

/** How a session is held, as people read it. */
export const SESSION_MODE_LABELS = { online: '线上调解', in_person: '线下调解', video: '视频调解' } as const
export type SessionMode = keyof typeof SESSION_MODE_LABELS

/** The room opens this long before the session's time, so people can test their camera and wait. */
export const VIDEO_OPENS_MINUTES_BEFORE = 30
/** And stays open this long after it (a session that runs on stays open while anyone is in it). */
export const VIDEO_OPEN_HOURS_AFTER = 4
/** Entries one session keeps at most: enough for every drop-out of a long session, never unbounded. */
export const MAX_VIDEO_ENTRIES = 100

/** Who is in the room now. */
export function presentIn(room: VideoRoom | undefined): VideoEntry[] {
  return (room?.joined ?? []).filter((x) => !x.leftAt)
}

export type VideoWindow = 'early' | 'open' | 'over'

/** Whether the room of a session at `at` may be entered at `now`: open from 30 minutes before until 4 hours after, or while someone is in it. */
export function videoWindow(at: string, now: Date, room?: VideoRoom): VideoWindow {
  const t = Date.parse(at)
  const ms = now.getTime()
  if (ms < t - VIDEO_OPENS_MINUTES_BEFORE * 60_000) return 'early'
  if (ms <= t + VIDEO_OPEN_HOURS_AFTER * 3_600_000 || presentIn(room).length > 0) return 'open'
  return 'over'
}

/** Whole minutes from the start to the end (or to `now` while it goes on); null before it started. */
export function videoMinutes(room: VideoRoom | undefined, now: Date): number | null {
  if (!room?.startedAt) return null
  const end = room.endedAt ? Date.parse(room.endedAt) : now.getTime()
  return Math.max(0, Math.round((end - Date.parse(room.startedAt)) / 60_000))
}

/** The sessions with every entry of `userId` renamed (a party who deleted their account reads 已注销用户 there too). */
export function renamedInVideo<S extends { video?: VideoRoom }>(sessions: readonly S[], userId: string, name: string): S[] {
  return sessions.map((s) => (s.video && s.video.joined.some((x) => x.userId === userId) ? { ...s, video: { ...s.video, joined: s.video.joined.map((x) => (x.userId === userId ? { ...x, name } : x)) } } : s))
}
