/**
 * Photos in CloudBase cloud storage. The storage key is the CloudBase fileID
 * (`cloud://env.bucket/jiefang/files/…`); the mini-program shows files through short-lived
 * temporary URLs, never public ones.
 */
import { FILE_EXT, type FileMeta, type FileStore } from '../../ports'
import { mapCloudbaseError } from './cloudbaseErrors'

const EXT = FILE_EXT

/** Seconds a temporary download URL stays valid. */
export const TEMP_URL_SECONDS = 600
/** Files one getTempFileURL call may name (CloudBase: "一次最多取 50 个"). */
export const TEMP_URLS_PER_CALL = 50

/** The storage calls of a CloudBase app this adapter uses (the node-sdk `CloudBase` has them). */
export interface CloudbaseStorageApp {
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  downloadFile(opts: { fileID: string }): Promise<{ fileContent?: string | Buffer }>
  deleteFile(opts: { fileList: string[] }): Promise<{ code?: string; message?: string; fileList?: Array<{ code: string; fileID: string }> }>
  getTempFileURL(opts: {
    fileList: Array<{ fileID: string; maxAge: number }>
  }): Promise<{ fileList: Array<{ code: string; fileID: string; tempFileURL: string }> }>
}

/** Codes and statuses meaning "no such file" rather than a failure. */
function isMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'STORAGE_FILE_NONEXIST' || code === 'FILE_NOT_EXIST' || code === 'RESOURCE_NOT_FOUND') return true
  const message = e instanceof Error ? e.message : String((e as { message?: unknown } | null)?.message ?? '')
  return code === 'STORAGE_REQUEST_FAIL' && /Status:\s*404\b/.test(message)
}

export class CloudbaseFileStore implements FileStore {
  constructor(
    private readonly app: CloudbaseStorageApp,
    /** Folder inside the bucket; tests use their own. */
    private readonly folder = 'jiefang/files',
    /** This function's environment id: only its files are taken from clients. */
    private readonly envId = '',
  ) {}

  /**
   * The path of `cloud://<env>.<bucket>/<path>` when <env> is this environment. Anything else —
   * another environment, no bucket, an empty, absolute, `..` or `.` segment, a backslash or an
   * escape — is not a file a client of this environment uploaded.
   */
  uploadedPath(fileId: string): string | null {
    if (!this.envId) return null
    const m = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/.exec(fileId)
    if (!m || m[1] !== this.envId) return null
    const path = m[3]!
    if (path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') || /[\\%?#\s]/.test(path)) return null
    return path
  }

  async put(id: string, bytes: Uint8Array, contentType: FileMeta['contentType']): Promise<string> {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`file id must be a plain token, got ${JSON.stringify(id)}`)
    const cloudPath = `${this.folder}/${id.slice(0, 2)}/${id}.${EXT[contentType]}`
    try {
      const res = await this.app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })
      if (!res.fileID) throw new Error(`CloudBase upload of ${cloudPath} returned no fileID`)
      return res.fileID
    } catch (e) {
      throw mapCloudbaseError(e)
    }
  }

  async get(storageKey: string): Promise<Uint8Array | null> {
    if (!storageKey.startsWith('cloud://')) return null
    try {
      const res = await this.app.downloadFile({ fileID: storageKey })
      const content = res.fileContent
      if (content === undefined) return null
      return new Uint8Array(typeof content === 'string' ? Buffer.from(content) : content)
    } catch (e) {
      if (isMissing(e)) return null
      throw mapCloudbaseError(e)
    }
  }

  async remove(storageKey: string): Promise<void> {
    if (!storageKey.startsWith('cloud://')) return
    let res: Awaited<ReturnType<CloudbaseStorageApp['deleteFile']>>
    try {
      res = await this.app.deleteFile({ fileList: [storageKey] })
    } catch (e) {
      if (isMissing(e)) return
      throw mapCloudbaseError(e)
    }
    const code = res.code ?? res.fileList?.[0]?.code
    if (code && code !== 'SUCCESS' && !isMissing({ code })) throw mapCloudbaseError(Object.assign(new Error(res.message ?? code), { code }))
  }

  /** A temporary HTTPS URL for the file, valid `maxAge` seconds. */
  async tempUrl(fileID: string, maxAge = TEMP_URL_SECONDS): Promise<string> {
    return (await this.tempUrls([fileID], maxAge))[0]!
  }

  /** Temporary URLs of many files in `fileIDs` order: one storage call per 50 files, not one per file. */
  async tempUrls(fileIDs: readonly string[], maxAge = TEMP_URL_SECONDS): Promise<string[]> {
    const urls = new Map<string, string>()
    const wanted = [...new Set(fileIDs)]
    for (let i = 0; i < wanted.length; i += TEMP_URLS_PER_CALL) {
      const chunk = wanted.slice(i, i + TEMP_URLS_PER_CALL)
      let list: Array<{ code: string; fileID: string; tempFileURL: string }>
      try {
        list = (await this.app.getTempFileURL({ fileList: chunk.map((fileID) => ({ fileID, maxAge })) })).fileList ?? []
      } catch (e) {
        throw mapCloudbaseError(e)
      }
      for (const item of list) if (item.code === 'SUCCESS' && item.tempFileURL) urls.set(item.fileID, item.tempFileURL)
      for (const fileID of chunk) {
        if (!urls.has(fileID)) throw new Error(`no temporary URL for ${fileID}: ${list.find((x) => x.fileID === fileID)?.code ?? 'empty answer'}`)
      }
    }
    return fileIDs.map((id) => urls.get(id)!)
  }
}
