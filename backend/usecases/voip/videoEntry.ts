import type { VoipSessionInput } from '../../../src/contracts/voip'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act, type ActCommand, type KindCommands } from '../shared/act'
import type { MediationAction } from '../../../src/core/kinds/mediation'
import { detail } from '../mediation/caseDetail'
import { MEDIATION_COMMANDS } from '../mediation/commands'

/**
 * The mediation table's moves, through this door only (mediation.act refuses them, videoCommands.ts);
 * no version from the app: an entry is recorded on whatever the case is by then.
 */
const VIDEO_COMMANDS: KindCommands<MediationAction, ActCommand & { sessionId: string }> = {
  def: MEDIATION_COMMANDS.def,
  notFound: MEDIATION_COMMANDS.notFound,
  atRest: MEDIATION_COMMANDS.atRest,
  prepare: {},
  otherwise: async ({ input }) => ({ params: { sessionId: input.sessionId } }),
}

/** People enter and leave a room at the same moment: a move that lost the race to another is simply made again. */
const TRIES = 4

/** One entry or exit recorded through the table, made again if it lost a race with another. */
export async function recordVideo(d: Deps, actor: Actor, input: VoipSessionInput, action: 'video_join' | 'video_leave') {
  for (let i = 0; i < TRIES; i++) {
    const r = await act(d, actor, VIDEO_COMMANDS, { id: input.id, action, sessionId: input.sessionId })
    if (r.ok) return { ok: true as const, ...(await detail(d, r.tree, actor, r.case)) }
    if (r.code !== 'CONFLICT') return r
  }
  return fail('CONFLICT', '视频调解进出人数较多，请稍后重试')
}
