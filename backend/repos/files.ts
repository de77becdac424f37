/** The files aggregate: what is known of an uploaded file (the bytes live behind the FileStore port) and direct-upload tickets. */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'
/** Voice notes (一键求助): AAC (ADTS), M4A, MP3, WebM, OGG — as their first bytes say. */
export type AudioType = 'audio/aac' | 'audio/mp4' | 'audio/mpeg' | 'audio/webm' | 'audio/ogg'

/** The file name extension each stored type keeps. */
export const FILE_EXT: Record<ImageType | AudioType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
}

/** What is known of an uploaded file. */
export interface FileMeta {
  id: string
  ownerId: string
  contentType: ImageType | AudioType
  size: number
  /** Where the file port keeps the bytes (relative path on disk, or a CloudBase fileID). */
  storageKey: string
  createdAt: string
}

/**
 * A cloud storage path handed to one caller for one direct upload (files.ticket), good until used
 * by files.register or expired. Only the path's hash is kept.
 */
export interface UploadTicket {
  pathHash: string
  ownerId: string
  expiresAt: string
}

export interface FileMetaRepo {
  putFileMeta(f: FileMeta): Promise<void>
  getFileMeta(id: string): Promise<FileMeta | null>
  /** The records of those of `ids` that exist, in no particular order: one read for a page of photos. */
  getFileMetas(ids: readonly string[]): Promise<FileMeta[]>
  putUploadTicket(t: UploadTicket): Promise<void>
  /** Marks the ticket used when it is `ownerId`'s, unused and unexpired at `now`; false otherwise (nothing written). */
  useUploadTicket(pathHash: string, ownerId: string, now: string): Promise<boolean>
}
