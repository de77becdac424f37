import type { Failure } from '../../core/outcome'
import type { PhotoType } from '../photo'
import type { Invoke, UploadResult } from '../transport'

/**
 * Where to put a new photo in cloud storage: the `files` function hands out a random path bound to
 * this caller for a few minutes, and registers nothing uploaded anywhere else.
 */
export async function uploadTicket(call: Invoke, contentType: PhotoType): Promise<{ ok: true; cloudPath: string } | Failure> {
  return (await call('files', { action: 'ticket', data: { contentType } })) as { ok: true; cloudPath: string } | Failure
}

/** After a direct cloud upload the functions must learn about the file before a report may cite it. */
export async function registerUpload(
  call: Invoke,
  cloudFileId: string,
  contentType: PhotoType,
  size: number,
): Promise<UploadResult> {
  return (await call('files', { action: 'register', data: { cloudFileId, contentType, size } })) as UploadResult
}
