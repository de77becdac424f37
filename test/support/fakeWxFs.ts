/**
 * WeChat's FileSystemManager as strict as the real one, for the calls the outbox makes: callbacks
 * answer later (never inside the call), writes are allowed only under USER_DATA_PATH, copyFile needs
 * its source and the destination's folder, mkdir refuses an existing folder, unlink refuses a folder
 * or a missing file, and the errMsg texts follow wx's `<api>:fail <reason>` form. `restart()` clears
 * the temporary files chooseImage handed out, as WeChat may once the app stops.
 */
import type { PhotoFs } from '../../src/outbox/photos'

export const USER_DATA_PATH = 'wxfile://usr'

type Cb = { success?: (r?: never) => void; fail?: (e: { errMsg: string }) => void }

export function fakeWxFs() {
  const files = new Map<string, string>()
  const dirs = new Set<string>([USER_DATA_PATH])
  const calls: string[] = []
  const parent = (p: string) => p.slice(0, p.lastIndexOf('/'))
  const writable = (p: string) => p.startsWith(`${USER_DATA_PATH}/`)
  const later = (f: () => void) => void Promise.resolve().then(f)
  const answer = (api: string, o: Cb, err: string | null, result?: unknown) =>
    later(() => (err ? o.fail?.({ errMsg: `${api}:fail ${err}` }) : (o.success as ((r: unknown) => void) | undefined)?.({ errMsg: `${api}:ok`, ...(result as object) })))

  const fs: PhotoFs = {
    access(o) {
      calls.push(`access ${o.path}`)
      answer('access', o, files.has(o.path) || dirs.has(o.path) ? null : `no such file or directory ${o.path}`)
    },
    copyFile(o) {
      calls.push(`copyFile ${o.srcPath} -> ${o.destPath}`)
      const at = `copyFile ${o.srcPath} -> ${o.destPath}`
      if (!writable(o.destPath)) return answer('copyFile', o, `permission denied, ${at}`)
      if (!files.has(o.srcPath) || !dirs.has(parent(o.destPath))) return answer('copyFile', o, `no such file or directory, ${at}`)
      files.set(o.destPath, files.get(o.srcPath)!)
      answer('copyFile', o, null)
    },
    mkdir(o) {
      calls.push(`mkdir ${o.dirPath}`)
      if (!writable(o.dirPath)) return answer('mkdir', o, `permission denied, open ${o.dirPath}`)
      if (dirs.has(o.dirPath)) return answer('mkdir', o, `file already exists ${o.dirPath}`)
      if (!dirs.has(parent(o.dirPath)) && !o.recursive) return answer('mkdir', o, `no such file or directory ${o.dirPath}`)
      for (let p = o.dirPath; p.length > USER_DATA_PATH.length; p = parent(p)) dirs.add(p)
      answer('mkdir', o, null)
    },
    unlink(o) {
      calls.push(`unlink ${o.filePath}`)
      if (!writable(o.filePath)) return answer('unlink', o, `permission denied, open ${o.filePath}`)
      if (dirs.has(o.filePath)) return answer('unlink', o, `operation not permitted, unlink ${o.filePath}`)
      if (!files.delete(o.filePath)) return answer('unlink', o, `no such file or directory ${o.filePath}`)
      answer('unlink', o, null)
    },
    readdir(o) {
      calls.push(`readdir ${o.dirPath}`)
      if (!dirs.has(o.dirPath)) return answer('readdir', o as Cb, `no such file or directory ${o.dirPath}`)
      const names = [...files.keys()].filter((f) => parent(f) === o.dirPath).map((f) => f.slice(o.dirPath.length + 1))
      answer('readdir', o as Cb, null, { files: names })
    },
  }

  let tmpSeq = 0
  return {
    fs,
    calls,
    has: (p: string) => files.has(p),
    read: (p: string) => files.get(p),
    /** Every file under USER_DATA_PATH. */
    userFiles: () => [...files.keys()].filter(writable).sort(),
    /** What chooseImage gives: a temporary file with the photo's bytes. */
    pick(bytes: string, ext = 'jpg'): string {
      const p = `wxfile://tmp_${(tmpSeq++).toString().padStart(4, '0')}.${ext}`
      files.set(p, bytes)
      return p
    },
    /** The person (or WeChat's storage clean-up) removes a file. */
    remove: (p: string) => files.delete(p),
    /** The app stops and starts again: temporary files are gone, the user data folder stays. */
    restart() {
      for (const p of [...files.keys()]) if (p.startsWith('wxfile://tmp_')) files.delete(p)
    },
  }
}
