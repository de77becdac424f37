import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { FileMeta } from '../../ports'

/** The first of `ids` whose record in `metas` is missing or not one of `actor`'s photo uploads; null when all are. */
export function firstNotOwn(actor: Actor, ids: readonly string[], metas: readonly FileMeta[]): string | null {
  const byId = new Map(metas.map((m) => [m.id, m]))
  for (const id of ids) {
    const meta = byId.get(id)
    if (!meta || meta.ownerId !== actor.userId || !meta.contentType.startsWith('image/')) return id
  }
  return null
}

/** The first of `ids` that is not one of `actor`'s photo uploads (unknown, someone else's, a voice note); null when all are. */
export async function notOwnUpload(d: Deps, actor: Actor, ids: readonly string[]): Promise<string | null> {
  if (ids.length === 0) return null
  // One read for every photo of the form, however many.
  return firstNotOwn(actor, ids, await d.store.getFileMetas(ids))
}
