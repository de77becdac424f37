import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { fileUrls } from '../shared/photoViews'

/** Whether the file is a voice note the caller uploaded themself (a photo, or someone else's note, is not). */
export async function isVoiceNote(d: Deps, actor: Actor, fileId: string): Promise<boolean> {
  const meta = await d.store.getFileMeta(fileId)
  return meta !== null && meta.ownerId === actor.userId && meta.contentType.startsWith('audio/')
}

/** The refusal for a `voiceFileId` that is not the caller's own voice note; null when absent or fine. */
export async function refuseVoice(d: Deps, actor: Actor, fileId: string | null | undefined) {
  if (!fileId || (await isVoiceNote(d, actor, fileId))) return null
  return fail('VALIDATION', '语音无效，请重新录制', { voiceFileId: '无效' })
}

/** A short-lived link to play the note (CloudBase: the photos' batched temp-URL path); null when none. */
export async function voiceUrlOf(d: Deps, fileId: string | null | undefined): Promise<string | null> {
  const meta = fileId ? await d.store.getFileMeta(fileId) : null
  if (!meta) return null
  const [url] = await fileUrls(d, [meta])
  return url ?? null
}
