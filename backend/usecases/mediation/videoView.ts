import type { VideoSessionView } from '../../../src/contracts/videoSession'
import type { Case } from '../../../src/core/case'
import { MEDIATION, type MediationSession } from '../../../src/core/kinds/mediation'
import { presentIn, VIDEO_OPEN_HOURS_AFTER, VIDEO_OPENS_MINUTES_BEFORE, VIDEO_ROLE_LABELS, videoMinutes } from '../../../src/core/kinds/mediationVideoTerms'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'

/**
 * A video session as the case's readers see it: whether it goes on, since when and for how long, who
 * came (a party by the name the case gives them, in full for its readers; staff by name and role)
 * and whether the viewer is one of those who may enter. Null for a session not held by video.
 */
export function videoView(tree: OrgTree, actor: Actor, c: Case, s: MediationSession, now: Date, partyNames: ReadonlyMap<string, string>): VideoSessionView | null {
  const v = s.mode === 'video' ? s.video : undefined
  if (!v) return null
  const live = presentIn(v).length > 0
  const at = Date.parse(s.at)
  // Who may enter, whatever the clock says now: the table's rule at the session's own time.
  const probe = transition(MEDIATION, tree, c, { actor, action: 'video_join', now: new Date(at), eventId: 'probe', params: { sessionId: s.id } })
  return {
    live,
    stateLabel: live ? '进行中' : v.endedAt ? '已结束' : '未开始',
    startedAt: v.startedAt ?? null,
    endedAt: live ? null : (v.endedAt ?? null),
    minutes: videoMinutes(v, now),
    opensAt: new Date(at - VIDEO_OPENS_MINUTES_BEFORE * 60_000).toISOString(),
    closesAt: new Date(at + VIDEO_OPEN_HOURS_AFTER * 3_600_000).toISOString(),
    joined: v.joined.map((x) => ({
      name: partyNames.get(x.userId) ?? x.name,
      roleLabel: VIDEO_ROLE_LABELS[x.role] ?? '',
      at: x.at,
      leftAt: x.leftAt ?? null,
      isMe: x.userId === actor.userId,
    })),
    mayJoin: probe.ok,
    meInRoom: presentIn(v).some((x) => x.userId === actor.userId),
  }
}
