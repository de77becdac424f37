import { z } from 'zod'

/**
 * Text or voice (report, 找网格员, mediation application): with a voice note (`voiceFileId`, the
 * caller's own upload, checked by the use case) the words may be few or none; without one they are
 * the description and need `min` characters. Used with `.superRefine` on the input object.
 */
export function textOrVoice<T extends { voiceFileId?: string }>(field: keyof T & string, min: number, empty: string, short: string) {
  return (v: T, ctx: z.RefinementCtx) => {
    if (v.voiceFileId) return
    const n = Array.from(String(v[field] ?? '').trim()).length
    if (n === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: empty })
    else if (n < min) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: short })
  }
}
