import type { Case } from '../../../src/core/case'
import type { MediationSession } from '../../../src/core/kinds/mediation'
import type { VideoRoom } from '../../../src/core/kinds/mediationVideoTerms'
import { pl } from '../mediation/payload'

/** A session of the case that is held by video, with its room; null for another or an unknown session. */
export function videoSessionOf(c: Case, sessionId: string): (MediationSession & { video: VideoRoom }) | null {
  const s = pl(c).sessions.find((x) => x.id === sessionId)
  return s && s.mode === 'video' && s.video ? (s as MediationSession & { video: VideoRoom }) : null
}
