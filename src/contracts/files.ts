/** Wire contract of the `files` function: photo uploads, inline or straight to storage; voice notes inline. Types only. */
import type { z } from 'zod'
import type * as s from './filesSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export interface FilesApi {
  'files.upload': { in: In<'uploadPhoto'>; out: { fileId: string } }
  /** A voice note sent inline (weapp RecorderManager AAC, H5 MediaRecorder WebM/OGG); its type is read from its bytes. */
  'files.uploadVoice': { in: In<'uploadVoice'>; out: { fileId: string } }
  /** Where to upload one photo straight to CloudBase storage, for this caller only, for 10 minutes. */
  'files.ticket': { in: In<'photoTicket'>; out: { cloudPath: string; expiresAt: string } }
  /** Records a direct upload; the file must sit at a ticket's path of this caller, unused and unexpired. */
  'files.register': { in: In<'registerPhoto'>; out: { fileId: string } }
}
