/**
 * Photos of queued reports, kept where they outlive the app. chooseImage hands out temporary paths
 * that WeChat may clear as soon as the app stops, so a report queued offline copies its photos into
 * the user data folder (`wx.env.USER_DATA_PATH`), the one place a mini-program may write that stays
 * until the user removes the app. Written against the callback shape of WeChat's
 * FileSystemManager, so the same code runs on the real one and on the strict fake in the tests.
 */
import type { OutboxPhoto, PhotoKeeper } from './queue'

type Done = { success?: () => void; fail?: (e: { errMsg?: string }) => void }

/** The part of wx.getFileSystemManager() this module uses. */
export interface PhotoFs {
  access(o: { path: string } & Done): void
  copyFile(o: { srcPath: string; destPath: string } & Done): void
  mkdir(o: { dirPath: string; recursive?: boolean } & Done): void
  unlink(o: { filePath: string } & Done): void
  readdir(o: { dirPath: string; success?: (r: { files: string[] }) => void; fail?: (e: { errMsg?: string }) => void }): void
}

const call = <T extends Done>(f: (o: T) => void, o: Omit<T, 'success' | 'fail'>): Promise<boolean> =>
  new Promise((resolve) => {
    try {
      f({ ...o, success: () => resolve(true), fail: () => resolve(false) } as unknown as T)
    } catch {
      resolve(false)
    }
  })

const extOf = (path: string) => /\.([a-z0-9]{1,5})(?:[?#].*)?$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg'

/** `root` is USER_DATA_PATH; queued photos live in its `outbox` folder. */
export function createPhotoKeeper(fs: PhotoFs, root: string): PhotoKeeper {
  const dir = `${root.replace(/\/+$/, '')}/outbox`
  const ours = (path: string) => path.startsWith(`${dir}/`)
  let seq = 0

  return {
    async keep(key, photos) {
      if (!photos.some((p) => !ours(p.localPath))) return photos
      // mkdir fails when the folder exists already: the copies below tell whether it is usable.
      await call(fs.mkdir.bind(fs), { dirPath: dir, recursive: true })
      const out: OutboxPhoto[] = []
      for (const p of photos) {
        if (ours(p.localPath)) {
          out.push(p)
          continue
        }
        // Unique per copy, so re-queuing an edited draft never overwrites a photo still in use.
        const dest = `${dir}/${key}-${Date.now().toString(36)}${(seq++).toString(36)}.${extOf(p.localPath)}`
        const copied = await call(fs.copyFile.bind(fs), { srcPath: p.localPath, destPath: dest })
        out.push(copied ? { ...p, localPath: dest } : p)
      }
      return out
    },
    exists: (path) => call(fs.access.bind(fs), { path }),
    async discard(paths) {
      for (const p of paths) if (ours(p)) await call(fs.unlink.bind(fs), { filePath: p })
    },
    kept: () =>
      new Promise<string[]>((resolve) => {
        try {
          fs.readdir({ dirPath: dir, success: (r) => resolve(r.files.map((f) => `${dir}/${f}`)), fail: () => resolve([]) })
        } catch {
          resolve([])
        }
      }),
  }
}
