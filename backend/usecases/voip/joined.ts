import type { VoipSessionInput } from '../../../src/contracts/voip'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { recordVideo } from './videoEntry'

/** WeChat let the caller into the session's room: their entry (the first starts the session), a timeline row. */
export const joined = (d: Deps, actor: Actor, input: VoipSessionInput) => recordVideo(d, actor, input, 'video_join')
