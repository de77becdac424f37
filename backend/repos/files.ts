/** The files aggregate: what is known of an uploaded file (the bytes live behind the FileStore port) and direct-upload tickets. */

/** What is known of an uploaded file. */
export interface FileMeta {
  id: string
  ownerId: string
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
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
  putUploadTicket(t: UploadTicket): Promise<void>
  /** Marks the ticket used when it is `ownerId`'s, unused and unexpired at `now`; false otherwise (nothing written). */
  useUploadTicket(pathHash: string, ownerId: string, now: string): Promise<boolean>
}
