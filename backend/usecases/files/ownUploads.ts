import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** The first of `ids` that is not one of `actor`'s uploads (unknown, or someone else's); null when all are. */
export async function notOwnUpload(d: Deps, actor: Actor, ids: readonly string[]): Promise<string | null> {
  for (const id of ids) {
    const meta = await d.store.getFileMeta(id)
    if (!meta || meta.ownerId !== actor.userId) return id
  }
  return null
}
