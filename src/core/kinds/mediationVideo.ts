import { z } from 'zod'
import { param, type Check, type MoveContext } from '../command'
import { maskName } from '../names'
import { fail, type Failure } from '../outcome'
import { formatFull } from '../time'
import { action, assignedMediator } from './mediationMoves'
import type { MediationPayload, MediationSession } from './mediationTerms'
import { MAX_VIDEO_ENTRIES, presentIn, VIDEO_OPENS_MINUTES_BEFORE, videoWindow, type VideoEntry, type VideoRole, type VideoRoom } from './mediationVideoTerms'

/**
 * 视频调解 on the case: who entered and left a session's room, and so when it started and ended.
 * The voip function records them once WeChat let the person in; they are never buttons of the case
 * page (`offered` is false), and the parties, the assigned mediator and invited helpers alone make them.
 */

/** A new session's room, for a video session only: the session's own id is its joinVoIPChat groupId. */
export function videoRoomFor(mode: MediationSession['mode'], sessionId: string): { video?: VideoRoom } {
  return mode === 'video' ? { video: { roomId: sessionId, joined: [] } } : {}
}

const ON_CALL: readonly VideoRole[] = ['applicant', 'respondent', 'mediator', 'helper']
/** Where a session can be held (the statuses a session may be scheduled in). */
const MEETING = ['mediating', 'agreement_pending'] as const
/** Leaving is recorded even when the case closed during the call (the agreement confirmed on it). */
const AFTER_MEETING = ['mediating', 'agreement_pending', 'succeeded', 'failed'] as const

const NO_SESSION = fail('VALIDATION', '调解场次不存在', { sessionId: '不存在' })
const sessionId = param(z.string().min(1), NO_SESSION)

type VideoParams = { sessionId: string }
type Ctx = MoveContext<MediationPayload> & { params: VideoParams }

function videoSession({ c, params }: Ctx): { s: MediationSession & { video: VideoRoom } } | Failure {
  const s = c.payload.sessions.find((x) => x.id === params.sessionId)
  if (!s) return NO_SESSION
  if (s.mode !== 'video' || !s.video) return fail('VALIDATION', '该场次不是视频调解', { sessionId: '不是视频调解' })
  return { s: s as MediationSession & { video: VideoRoom } }
}

/** The room is open: from 30 minutes before the time, until 4 hours after or while anyone is in it. */
export function roomOpen(s: MediationSession & { video: VideoRoom }, now: Date): Failure | null {
  const w = videoWindow(s.at, now, s.video)
  if (w === 'early') {
    const opens = new Date(Date.parse(s.at) - VIDEO_OPENS_MINUTES_BEFORE * 60_000).toISOString()
    return fail('ILLEGAL_TRANSITION', `视频调解尚未开始，${formatFull(opens)}起可以进入`)
  }
  return w === 'over' ? fail('ILLEGAL_TRANSITION', '本场视频调解已结束') : null
}

/** How the session names the person: a party by the name the case keeps (masked at rest), staff by their own. */
function entryName({ c, input, role }: MoveContext<MediationPayload>): string {
  if (role === 'applicant' || role === 'respondent') {
    const party = c.payload.parties.find((x) => x.userId === input.actor.userId)
    return maskName(party?.name ?? input.actor.name)
  }
  return input.actor.name
}

function withRoom(c: Ctx['c'], id: string, room: VideoRoom): MediationPayload {
  return { ...c.payload, sessions: c.payload.sessions.map((s) => (s.id === id ? { ...s, video: room } : s)) }
}

const enterGuard = (ctx: Ctx): Failure | null => {
  const found = videoSession(ctx)
  if ('ok' in found) return found
  const closed = roomOpen(found.s, ctx.input.now)
  if (closed) return closed
  const mine = presentIn(found.s.video).some((x) => x.userId === ctx.input.actor.userId)
  return !mine && found.s.video.joined.length >= MAX_VIDEO_ENTRIES ? fail('ILLEGAL_TRANSITION', '本场视频调解进出次数过多，请联系调解员') : null
}

/** Entering: one more row unless they are still recorded in the room (a call dropped without leaving). */
function enter(ctx: Ctx) {
  const { s } = videoSession(ctx) as { s: MediationSession & { video: VideoRoom } }
  const at = ctx.input.now.toISOString()
  const userId = ctx.input.actor.userId
  const v = s.video
  const still = presentIn(v).some((x) => x.userId === userId)
  const entry: VideoEntry = { userId, name: entryName(ctx), role: ctx.role as VideoRole, at }
  const { endedAt: _ended, ...open } = v
  return { payload: withRoom(ctx.c, s.id, { ...open, startedAt: v.startedAt ?? at, joined: still ? v.joined : [...v.joined, entry] }) }
}

const leaveGuard = (ctx: Ctx): Failure | null => {
  const found = videoSession(ctx)
  if ('ok' in found) return found
  return presentIn(found.s.video).some((x) => x.userId === ctx.input.actor.userId) ? null : fail('ILLEGAL_TRANSITION', '您不在本场视频调解中')
}

/** Leaving closes their open row; the last one out ends the session. */
function leave(ctx: Ctx) {
  const { s } = videoSession(ctx) as { s: MediationSession & { video: VideoRoom } }
  const at = ctx.input.now.toISOString()
  const userId = ctx.input.actor.userId
  const joined = s.video.joined.map((x) => (x.userId === userId && !x.leftAt ? { ...x, leftAt: at } : x))
  const room: VideoRoom = { ...s.video, joined }
  return { payload: withRoom(ctx.c, s.id, presentIn(room).length === 0 ? { ...room, endedAt: at } : room) }
}

const notAButton = () => false
const mediatorOnCase: Check<MediationPayload> = assignedMediator

export const VIDEO_ACTIONS = {
  video_join: action({
    label: '进入视频调解',
    params: { sessionId },
    offered: notAButton,
    rows: [{ from: MEETING, roles: ON_CALL, check: mediatorOnCase, guard: enterGuard, patch: enter }],
  }),
  video_leave: action({
    label: '离开视频调解',
    params: { sessionId },
    offered: notAButton,
    rows: [{ from: AFTER_MEETING, roles: ON_CALL, check: mediatorOnCase, guard: leaveGuard, patch: leave }],
  }),
}
