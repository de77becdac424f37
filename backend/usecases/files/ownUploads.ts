import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** The first of `ids` that is not one of `actor`'s photo uploads (unknown, someone else's, a voice note); null when all are. */
export async function notOwnUpload(d: Deps, actor: Actor, ids: readonly string[]): Promise<string | null> {
  for (const id of ids) {
    const meta = await d.store.getFileMeta(id)
    if (!meta || meta.ownerId !== actor.userId || !meta.contentType.startsWith('image/')) return id
  }
  return null
}
