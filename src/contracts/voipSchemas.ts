import { z } from 'zod'
import { id } from './commonSchemas'

/** Inputs of the `voip` function (types in voip.ts): one video session of one mediation case. */
export const voipSession = z
  .object({
    id,
    /** The session's id as the case lists it (its room is the session's joinVoIPChat group). */
    sessionId: z.string().trim().min(1, '请选择调解场次').max(64, '调解场次不存在'),
  })
  .strict()
