/**
 * 视频调解 on the case (src/core/kinds/mediationVideo.ts): a video session's room, who entered and
 * left it, the session's start and end, when the room is open, and that the moves are never buttons.
 * The table-wide checks of the two rows are in mediation-transitions.test.ts.
 */
import type { Case } from '../../src/core/case'
import { MEDIATION, type MediationSession } from '../../src/core/kinds/mediation'
import { videoRoomFor } from '../../src/core/kinds/mediationVideo'
import { ERASED_NAME, eraseParty } from '../../src/core/kinds/mediationErasure'
import { presentIn, videoMinutes, videoWindow, type VideoRoom } from '../../src/core/kinds/mediationVideoTerms'
import { transition } from '../../src/core/transition'
import { actionsFor } from '../../backend/usecases/shared/actionViews'
import { actor, grant, makeTree, NOW, STREET } from './fixtures'
import { APPLICANT, MEDIATOR, mediationCase, mediatorGrant, OTHER_MEDIATOR_ID, pl, RESP1 } from './mediationFixtures'
import { HELPER_ID, helperOnCase, withHelpers } from './mediationHelperScenarios'
import { entry, VIDEO_ID, withVideo } from './mediationVideoScenarios'

const tree = makeTree()
const MIN = 60_000
const HELPER = actor(HELPER_ID, grant('helper', STREET))
const at = (ms: number) => new Date(NOW.getTime() + ms)

function move(c: Case, who: typeof APPLICANT, action: 'video_join' | 'video_leave', now = NOW, sessionId = VIDEO_ID) {
  return transition(MEDIATION, tree, c, { actor: who, action, now, eventId: `evt-${action}`, params: { sessionId } })
}

function ok(c: Case, who: typeof APPLICANT, action: 'video_join' | 'video_leave', now = NOW): Case {
  const out = move(c, who, action, now)
  if (!out.ok) throw new Error(`${who.userId} ${action}: ${out.code} ${out.message}`)
  return out.case
}

const room = (c: Case): VideoRoom => pl(c).sessions.find((s) => s.id === VIDEO_ID)!.video!

describe('a video session', () => {
  it('is scheduled with a room named after the session; other modes have none', () => {
    const c = mediationCase('mediating')
    const out = transition(MEDIATION, tree, c, { actor: MEDIATOR, action: 'schedule', now: NOW, eventId: 'evt-s', params: { session: { at: at(60 * MIN).toISOString(), mode: 'video', place: ' https://meeting.example/x ' } } })
    expect(out.ok).toBe(true)
    const s = pl(out.ok ? out.case : c).sessions.at(-1) as MediationSession
    expect(s).toEqual({ id: 'evt-s', at: at(60 * MIN).toISOString(), mode: 'video', place: 'https://meeting.example/x', notes: null, video: { roomId: 'evt-s', joined: [] } })
    expect(videoRoomFor('online', 'x')).toEqual({})
    expect(videoRoomFor('in_person', 'x')).toEqual({})
  })

  it('starts with the first entry and ends when the last one leaves; names a party as the case keeps them (masked)', () => {
    let c = withVideo(mediationCase('mediating'))
    c = ok(c, APPLICANT, 'video_join')
    expect(room(c)).toEqual({ roomId: VIDEO_ID, startedAt: NOW.toISOString(), joined: [{ userId: APPLICANT.userId, name: '张*', role: 'applicant', at: NOW.toISOString() }] })
    c = ok(c, MEDIATOR, 'video_join', at(MIN))
    c = ok(c, RESP1, 'video_join', at(2 * MIN))
    expect(room(c).joined.map((x) => [x.role, x.name])).toEqual([
      ['applicant', '张*'],
      ['mediator', MEDIATOR.name],
      ['respondent', '李*'],
    ])
    c = ok(c, APPLICANT, 'video_leave', at(30 * MIN))
    expect(room(c).endedAt).toBeUndefined()
    expect(presentIn(room(c)).map((x) => x.userId)).toEqual([MEDIATOR.userId, RESP1.userId])
    c = ok(c, RESP1, 'video_leave', at(40 * MIN))
    c = ok(c, MEDIATOR, 'video_leave', at(45 * MIN))
    expect(room(c)).toMatchObject({ startedAt: NOW.toISOString(), endedAt: at(45 * MIN).toISOString() })
    expect(room(c).joined.map((x) => x.leftAt)).toEqual([at(30 * MIN), at(45 * MIN), at(40 * MIN)].map((d) => d.toISOString()))
    expect(videoMinutes(room(c), at(5 * 3_600_000))).toBe(45)
    // Each is one timeline row, internal like every move.
    const e = move(c, APPLICANT, 'video_join', at(50 * MIN))
    expect(e.ok && e.event).toMatchObject({ action: 'video_join', actorRole: 'applicant', fromStatus: 'mediating', toStatus: 'mediating', visibility: 'internal', note: null })
  })

  it('reopens when someone comes back while the room is open; a dropped call re-entered keeps one row', () => {
    let c = withVideo(mediationCase('mediating'))
    c = ok(ok(c, APPLICANT, 'video_join'), APPLICANT, 'video_leave', at(MIN))
    expect(room(c).endedAt).toBe(at(MIN).toISOString())
    c = ok(c, APPLICANT, 'video_join', at(2 * MIN))
    expect(room(c).endedAt).toBeUndefined()
    expect(room(c).startedAt).toBe(NOW.toISOString())
    expect(room(c).joined).toHaveLength(2)
    c = ok(c, APPLICANT, 'video_join', at(3 * MIN))
    expect(room(c).joined).toHaveLength(2)
  })

  it('is open from 30 minutes before until 4 hours after, and past that while anyone is in it', () => {
    const s = NOW.toISOString()
    expect(videoWindow(s, at(-30 * MIN - 1))).toBe('early')
    expect(videoWindow(s, at(-30 * MIN))).toBe('open')
    expect(videoWindow(s, at(4 * 3_600_000))).toBe('open')
    expect(videoWindow(s, at(4 * 3_600_000 + 1))).toBe('over')
    const c = ok(withVideo(mediationCase('mediating')), MEDIATOR, 'video_join', at(3 * 3_600_000))
    expect(videoWindow(s, at(6 * 3_600_000), room(c))).toBe('open')
    expect(ok(c, APPLICANT, 'video_join', at(6 * 3_600_000))).toBeTruthy()
    const early = move(withVideo(mediationCase('mediating'), [], at(2 * 3_600_000).toISOString()), APPLICANT, 'video_join')
    expect(early).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '视频调解尚未开始，2026年11月23日 17:30起可以进入' })
  })

  it('records leaving after the case closed on the call, but no entry then', () => {
    const on = withVideo(mediationCase('succeeded'), [entry(APPLICANT.userId)])
    expect(room(ok(on, APPLICANT, 'video_leave')).endedAt).toBe(NOW.toISOString())
    expect(move(withVideo(mediationCase('succeeded')), APPLICANT, 'video_join')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('is for the assigned mediator, not another of the committee; and for an invited helper only', () => {
    const c = withVideo(mediationCase('mediating'))
    expect(move(c, actor(OTHER_MEDIATOR_ID, mediatorGrant()), 'video_join')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(move(c, HELPER, 'video_join')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const invited = withHelpers(c, helperOnCase(HELPER_ID))
    expect(room(ok(invited, HELPER, 'video_join')).joined[0]).toMatchObject({ userId: HELPER_ID, role: 'helper', name: HELPER.name })
    expect(move(c, actor('u-dispatcher', grant('dispatcher', STREET)), 'video_join')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('forgets the name of a party who deleted their account (注销账号), keeping the entry', () => {
    const c = ok(ok(withVideo(mediationCase('mediating')), APPLICANT, 'video_join'), MEDIATOR, 'video_join')
    const out = eraseParty(c, APPLICANT.userId, NOW, 'evt-erase')!
    expect(room(out.case).joined.map((x) => [x.userId, x.name])).toEqual([
      [APPLICANT.userId, ERASED_NAME],
      [MEDIATOR.userId, MEDIATOR.name],
    ])
    expect(room(out.case).startedAt).toBe(NOW.toISOString())
  })

  it('is never offered as a button of the case page', () => {
    const c = withVideo(mediationCase('mediating'), [entry(APPLICANT.userId)])
    for (const who of [APPLICANT, MEDIATOR, RESP1]) {
      const offered = actionsFor(MEDIATION, tree, who, c, NOW).map((a) => a.action)
      expect({ who: who.userId, video: offered.filter((a) => a.startsWith('video_')) }).toEqual({ who: who.userId, video: [] })
    }
  })
})
