/** Wire contract of the `files` function: photo uploads, inline or straight to storage. Types only. */

export interface FilesApi {
  'files.upload': {
    in: { contentBase64: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp' }
    out: { fileId: string }
  }
  /** Where to upload one photo straight to CloudBase storage, for this caller only, for 10 minutes. */
  'files.ticket': {
    in: { contentType: 'image/jpeg' | 'image/png' | 'image/webp' }
    out: { cloudPath: string; expiresAt: string }
  }
  /** Records a direct upload; the file must sit at a ticket's path of this caller, unused and unexpired. */
  'files.register': {
    in: { cloudFileId: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp'; size: number }
    out: { fileId: string }
  }
}
