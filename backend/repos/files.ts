/** What is known of an uploaded file; the bytes live behind the FileStore port. */
export interface FileMeta {
  id: string
  ownerId: string
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
  size: number
  /** Where the file port keeps the bytes (relative path on disk, or a CloudBase fileID). */
  storageKey: string
  createdAt: string
}

export interface FileMetaRepo {
  putFileMeta(f: FileMeta): Promise<void>
  getFileMeta(id: string): Promise<FileMeta | null>
}
