/**
 * 视频调解 rows for the mediation transition suite (mediation-transitions.test.ts): a valid command
 * for each row and every refusal of their guards. What the rows do in detail is mediation-video.test.ts.
 */
import type { Case } from '../../src/core/case'
import type { MediationSession } from '../../src/core/kinds/mediation'
import type { VideoEntry } from '../../src/core/kinds/mediationVideoTerms'
import { NOW } from './fixtures'
import { pl, SESSION_ID, withMed } from './mediationFixtures'
import type { GuardFailure, Scenario } from './mediationScenarioTypes'

export const VIDEO_ID = 'sess-video'
const MIN = 60_000

export function entry(userId: string, at = new Date(NOW.getTime() - 10 * MIN).toISOString(), leftAt?: string): VideoEntry {
  return { userId, name: '张*', role: 'applicant', at, ...(leftAt ? { leftAt } : {}) }
}

/** The case with one more session, held by video at `at` (now by default), with these entries in its room. */
export function withVideo(c: Case, joined: VideoEntry[] = [], at = NOW.toISOString(), extra: Partial<MediationSession['video']> = {}): Case {
  const started = joined[0]?.at
  const s: MediationSession = {
    id: VIDEO_ID,
    at,
    mode: 'video',
    place: 'https://meeting.example/backup',
    notes: null,
    video: { roomId: VIDEO_ID, joined, ...(started ? { startedAt: started } : {}), ...extra },
  }
  return withMed(c, { sessions: [...pl(c).sessions, s] })
}

const video = { sessionId: VIDEO_ID }

export const VIDEO_VALID: Record<string, Scenario> = {
  'video_join→=': { params: video, prepare: (c) => withVideo(c) },
  // In the room: they leave it (the last one out ends the session).
  'video_leave→=': { params: video, prepare: (c, a) => withVideo(c, [entry(a.userId)]) },
}

/** Refusals every role on the call meets alike (the assigned mediator's is in mediation-video.test.ts). */
export function videoGuardFailures(): Record<string, GuardFailure[]> {
  const unknown = (prepare: Scenario['prepare']): GuardFailure[] => [
    { why: 'an unknown session', code: 'VALIDATION', scenario: { params: { sessionId: 'sess-x' }, prepare }, detailKey: 'sessionId' },
    { why: 'no session id', code: 'VALIDATION', scenario: { prepare }, detailKey: 'sessionId' },
    { why: 'a session id that is not a string', code: 'VALIDATION', scenario: { params: { sessionId: 7 }, prepare }, detailKey: 'sessionId' },
    { why: 'a session held in person', code: 'VALIDATION', scenario: { params: { sessionId: SESSION_ID }, prepare }, detailKey: 'sessionId' },
  ]
  return {
    video_join: [
      ...unknown((c) => withVideo(c)),
      { why: 'more than 30 minutes before the session', code: 'ILLEGAL_TRANSITION', scenario: { params: video, prepare: (c) => withVideo(c, [], new Date(NOW.getTime() + 31 * MIN).toISOString()) } },
      { why: 'more than 4 hours after, nobody in the room', code: 'ILLEGAL_TRANSITION', scenario: { params: video, prepare: (c) => withVideo(c, [], new Date(NOW.getTime() - 241 * MIN).toISOString()) } },
      {
        why: 'the room entered 100 times already',
        code: 'ILLEGAL_TRANSITION',
        scenario: { params: video, prepare: (c) => withVideo(c, Array.from({ length: 100 }, (_, i) => entry(`u-other-${i}`, NOW.toISOString(), NOW.toISOString()))) },
      },
    ],
    video_leave: [
      ...unknown((c, a) => withVideo(c, [entry(a.userId)])),
      { why: 'someone who never entered', code: 'ILLEGAL_TRANSITION', scenario: { params: video, prepare: (c) => withVideo(c, [entry('u-someone-else')]) } },
      {
        why: 'someone who already left',
        code: 'ILLEGAL_TRANSITION',
        scenario: { params: video, prepare: (c, a) => withVideo(c, [entry(a.userId, undefined, NOW.toISOString())], undefined, { endedAt: NOW.toISOString() }) },
      },
    ],
  }
}
