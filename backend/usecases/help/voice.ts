import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** Whether the file is a voice note the caller uploaded themself. */
export async function isVoiceNote(d: Deps, actor: Actor, fileId: string): Promise<boolean> {
  const meta = await d.store.getFileMeta(fileId)
  return meta !== null && meta.ownerId === actor.userId && meta.contentType.startsWith('audio/')
}
