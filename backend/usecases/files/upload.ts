import type { ApiIn } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { damaged, MAX_PHOTO_BYTES, sniffImageType, stripped } from './photo'

/** A photo sent through the function itself (the local server, H5): checked, stripped of its metadata, stored. */
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
