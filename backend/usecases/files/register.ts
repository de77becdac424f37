import type { ApiIn } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { FileMeta } from '../../ports'
import type { Deps } from '../../deps'
import { damaged, MAX_PHOTO_BYTES, sniffImageType, stripped } from './photo'
import { hashPath, TICKET_PATH } from './ticketPath'

const NO_TICKET = '上传凭证无效或已过期，请重新选择照片上传'

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

/** Mini-program uploads go straight to CloudBase storage; the function only records them. */
export async function register(d: Deps, actor: Actor, input: ApiIn<'files.register'>) {
  if (d.mode !== 'cloudbase') return fail('VALIDATION', '本地模式不支持这种上传方式，请直接上传照片')
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
