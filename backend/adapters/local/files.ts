import { createHmac, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FILE_EXT, type FileMeta, type FileStore } from '../../ports'

const EXT = FILE_EXT

export const FILE_URL_TTL_SECONDS = 3600

/** Photos on local disk under DATA_DIR/files, served through short-lived signed URLs. */
export class LocalFileStore implements FileStore {
  constructor(
    private readonly root: string,
    private readonly secret: Buffer,
  ) {}

  async put(id: string, bytes: Uint8Array, contentType: FileMeta['contentType']): Promise<string> {
    const key = `${id.slice(0, 2)}/${id}.${EXT[contentType]}`
    const file = join(this.root, key)
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true })
    // Write then rename so a crash never leaves a half file under the final name.
    await writeFile(`${file}.tmp`, bytes)
    await rename(`${file}.tmp`, file)
    return key
  }

  async get(storageKey: string): Promise<Uint8Array | null> {
    if (storageKey.includes('..')) return null
    try {
      return await readFile(join(this.root, storageKey))
    } catch {
      return null
    }
  }

  async remove(storageKey: string): Promise<void> {
    if (storageKey.includes('..')) return
    await rm(join(this.root, storageKey), { force: true })
  }

  url(fileId: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
    const exp = nowSeconds + FILE_URL_TTL_SECONDS
    return `/api/files/${fileId}?exp=${exp}&sig=${this.sign(fileId, exp)}`
  }

  verifyUrl(fileId: string, exp: number, sig: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
    if (!Number.isFinite(exp) || exp < nowSeconds) return false
    const a = Buffer.from(this.sign(fileId, exp))
    const b = Buffer.from(sig)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  private sign(fileId: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`file:${fileId}:${exp}`).digest('base64url')
  }
}
