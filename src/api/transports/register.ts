import { randomId } from '../../utils/id'
import { extensionOf, type PhotoType } from '../photo'
import type { Invoke, UploadResult } from '../transport'

/** Storage path for a new photo: random, so names never collide and never reveal who took it. */
export function photoCloudPath(type: PhotoType): string {
  return `photos/${randomId(26).toLowerCase()}.${extensionOf(type)}`
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
