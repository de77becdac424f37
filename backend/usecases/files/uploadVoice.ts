import type { ApiIn } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { MAX_VOICE_BYTES, sniffAudioType } from './voice'

/** `files.uploadVoice`: a voice note sent inline (一键求助), stored as the type its bytes show. */
export async function uploadVoice(d: Deps, actor: Actor, input: ApiIn<'files.uploadVoice'>) {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (bytes.length === 0) return fail('VALIDATION', '录音内容为空', { contentBase64: '为空' })
  if (bytes.length > MAX_VOICE_BYTES) return fail('VALIDATION', '录音不能超过 1 MB', { contentBase64: '过大' })
  const type = sniffAudioType(bytes)
  if (!type) return fail('VALIDATION', '录音格式不支持，请重新录制', { contentBase64: '格式不支持' })
  const id = d.newId()
  const storageKey = await d.files.put(id, bytes, type)
  await d.store.putFileMeta({ id, ownerId: actor.userId, contentType: type, size: bytes.length, storageKey, createdAt: d.clock.now().toISOString() })
  return { ok: true as const, fileId: id }
}
