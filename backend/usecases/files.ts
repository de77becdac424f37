import { createHash, randomBytes } from 'node:crypto'
import type { ApiIn } from '../../src/contracts/api'
import { fail } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import type { FileMeta } from '../ports'
import type { Deps } from '../deps'
import { MalformedImage, stripImageMetadata } from './shared/imageMetadata'
import { windowStart } from './shared/rateLimit'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** How long a direct-upload ticket stays good: time to pick, upload and register one photo. */
export const TICKET_MINUTES = 10
/** Tickets one account may take per 10 minutes (a report holds at most 9 photos). */
export const TICKETS_PER_WINDOW = 60

const EXT: Record<FileMeta['contentType'], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** The only paths a ticket hands out: `photos/<Shanghai date>/<32 random hex>.<ext>`. */
const TICKET_PATH = /^photos\/\d{8}\/[0-9a-f]{32}\.(?:jpg|png|webp)$/

const hashPath = (path: string) => createHash('sha256').update(`upload-ticket:${path}`).digest('hex')

const shanghaiDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')

const NO_TICKET = '上传凭证无效或已过期，请重新选择照片上传'

/** The type a file really is, from its first bytes; the name and the claimed type are not trusted. */
export function sniffImageType(b: Uint8Array): FileMeta['contentType'] | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png'
  const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to))
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
}

/** The first of `ids` that is not one of `actor`'s uploads (unknown, or someone else's); null when all are. */
export async function notOwnUpload(d: Deps, actor: Actor, ids: readonly string[]): Promise<string | null> {
  for (const id of ids) {
    const meta = await d.store.getFileMeta(id)
    if (!meta || meta.ownerId !== actor.userId) return id
  }
  return null
}

export async function upload(d: Deps, actor: Actor, input: ApiIn<'files.upload'>) {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (bytes.length === 0) return fail('VALIDATION', '照片内容为空', { contentBase64: '为空' })
  if (bytes.length > MAX_PHOTO_BYTES) return fail('VALIDATION', '照片不能超过 5 MB', { contentBase64: '过大' })
  const real = sniffImageType(bytes)
  if (!real) return fail('VALIDATION', '只支持 JPG、PNG、WebP 格式的照片', { contentType: '格式不支持' })
  if (real !== input.contentType) return fail('VALIDATION', '照片格式与声明不符', { contentType: real })
  const clean = stripped(bytes, real)
  if (!clean) return damaged()
  const id = d.newId()
  const storageKey = await d.files.put(id, clean, real)
  await d.store.putFileMeta({ id, ownerId: actor.userId, contentType: real, size: clean.length, storageKey, createdAt: d.clock.now().toISOString() })
  return { ok: true as const, fileId: id }
}

/** The photo without its metadata (location, device, time), or null when its container is broken. */
function stripped(bytes: Uint8Array, type: FileMeta['contentType']): Uint8Array | null {
  try {
    return stripImageMetadata(bytes, type)
  } catch (e) {
    if (e instanceof MalformedImage) return null
    throw e
  }
}

const damaged = () => fail('VALIDATION', '照片文件已损坏，请重新选择', { contentBase64: '无法读取' })

/** The uploaded photo without its metadata, or why it is not a photo this system keeps. */
function keptPhoto(head: Uint8Array, declared: FileMeta['contentType']) {
  if (head.length > MAX_PHOTO_BYTES) return fail('VALIDATION', '照片不能超过 5 MB', { size: '过大' })
  const real = sniffImageType(head)
  if (!real) return fail('VALIDATION', '只支持 JPG、PNG、WebP 格式的照片', { contentType: '格式不支持' })
  if (real !== declared) return fail('VALIDATION', '照片格式与声明不符', { contentType: real })
  const clean = stripped(head, real)
  return clean ? { real, clean } : damaged()
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/**
 * Where the caller may put one photo in CloudBase storage, for a few minutes. The path is random
 * and bound to the caller, so files.register accepts exactly the file this caller just uploaded —
 * never another environment's object, another folder, or someone else's upload.
 */
export async function ticket(d: Deps, actor: Actor, input: ApiIn<'files.ticket'>) {
  if (d.mode !== 'cloudbase') return fail('VALIDATION', '本地模式请使用 files.upload 上传照片')
  const now = d.clock.now()
  const counted = await d.store.transaction((tx) => tx.countRateHit(actor.userId, 'files.ticket', windowStart(now, 10), TICKETS_PER_WINDOW))
  if (!counted) return fail('RATE_LIMITED', '上传过于频繁，请稍后再试')
  const cloudPath = `photos/${shanghaiDay(now)}/${randomBytes(16).toString('hex')}.${EXT[input.contentType]}`
  const expiresAt = new Date(now.getTime() + TICKET_MINUTES * 60_000).toISOString()
  await d.store.putUploadTicket({ pathHash: hashPath(cloudPath), ownerId: actor.userId, expiresAt })
  return { ok: true as const, cloudPath, expiresAt }
}

/** Mini-program uploads go straight to CloudBase storage; the function only records them. */
export async function register(d: Deps, actor: Actor, input: ApiIn<'files.register'>) {
  if (d.mode !== 'cloudbase') return fail('VALIDATION', '本地模式请使用 files.upload 上传照片')
  if (input.size > MAX_PHOTO_BYTES) return fail('VALIDATION', '照片不能超过 5 MB', { size: '过大' })
  const path = d.files.uploadedPath?.(input.cloudFileId) ?? null
  if (path === null || !TICKET_PATH.test(path)) return fail('VALIDATION', NO_TICKET, { cloudFileId: '无效' })
  // Used once, before anything is read: two registrations of one upload cannot both pass.
  if (!(await d.store.useUploadTicket(hashPath(path), actor.userId, d.clock.now().toISOString()))) return fail('VALIDATION', NO_TICKET, { cloudFileId: '无效' })
  const head = await d.files.get(input.cloudFileId)
  if (!head) return fail('VALIDATION', '云存储中找不到该文件', { cloudFileId: '不存在' })
  const photo = keptPhoto(head, input.contentType)
  if ('ok' in photo) {
    // The caller's own upload under its ticket: nothing may cite it, so it does not stay.
    await d.files.remove(input.cloudFileId)
    return photo
  }
  const { real, clean } = photo
  const id = d.newId()
  // The client's upload still carries its metadata: what the case refers to is a stripped copy.
  const storageKey = sameBytes(clean, head) ? input.cloudFileId : await d.files.put(id, clean, real)
  await d.store.putFileMeta({ id, ownerId: actor.userId, contentType: real, size: clean.length, storageKey, createdAt: d.clock.now().toISOString() })
  if (storageKey !== input.cloudFileId) await d.files.remove(input.cloudFileId)
  return { ok: true as const, fileId: id }
}
