import type { MediationActInput } from '../../../src/contracts/api'
import { MEDIATION, type MediationAction } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import { transition } from '../../../src/core/transition'
import type { Prepare } from '../shared/act'

/**
 * 视频调解's entries are recorded by the voip function (voip.joined / voip.left), once WeChat let
 * the person into the room, never through mediation.act: one door for them. Who may not make the
 * move at all hears so first (the table's own refusal), so the door says nothing to a stranger.
 */
const viaVoip =
  (action: 'video_join' | 'video_leave'): Prepare<MediationActInput> =>
  async ({ d, tree, actor, c, input }) => {
    const dry = transition(MEDIATION, tree, c, { actor, action, now: d.clock.now(), eventId: 'dry-run', expectedVersion: input.version, params: { sessionId: input.sessionId } })
    if (!dry.ok) return dry
    return fail('ILLEGAL_TRANSITION', '请在小程序的调解案件中点击「进入视频调解」')
  }

export const VIDEO_PREPARE: Partial<Record<MediationAction, Prepare<MediationActInput>>> = {
  video_join: viaVoip('video_join'),
  video_leave: viaVoip('video_leave'),
}
