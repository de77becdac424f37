import type { VoipSessionInput } from '../../../src/contracts/voip'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { recordVideo } from './videoEntry'

/** The caller left the room: their entry closed (the last one out ends the session), a timeline row. */
export const left = (d: Deps, actor: Actor, input: VoipSessionInput) => recordVideo(d, actor, input, 'video_leave')
