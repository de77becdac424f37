import { z } from 'zod'
import { imageType } from './commonSchemas'

/** Inputs of the `files` function (types in files.ts). */

// base64 of 5 MB is about 6.7 MB of text; anything longer is refused before decoding.
export const uploadPhoto = z
  .object({ contentBase64: z.string().min(1).max(7_000_000, '照片不能超过 5 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '照片编码不正确'), contentType: imageType })
  .strict()

export const photoTicket = z.object({ contentType: imageType }).strict()

export const registerPhoto = z
  .object({ cloudFileId: z.string().regex(/^cloud:\/\/[\w.\-/]+$/, '云文件编号不正确').max(300), contentType: imageType, size: z.number().int().positive() })
  .strict()

/**
 * A voice note (一键求助): AAC, M4A, MP3, WebM or OGG, told apart by its first bytes (no declared
 * type is trusted); up to 60 s, which at the recorders' rates is well under 1 MB.
 */
export const uploadVoice = z
  .object({ contentBase64: z.string().min(1).max(1_400_000, '录音不能超过 1 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '录音编码不正确') })
  .strict()
