import type { PhotoView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import type { Deps } from '../../deps'
import type { FileMeta, User } from '../../ports'
import { fileUrls } from './photoViews'

/**
 * The people and files one screen names, read together: on CloudBase every read is a network
 * round trip, so a detail costs one read of people, one of file records and one storage call for
 * every link, however many photos, timeline rows or staff it shows.
 */
export interface PageReads {
  users: ReadonlyMap<string, User>
  /** Links by file id (photos and voice notes); an id with no stored file is absent. */
  files: ReadonlyMap<string, PhotoView>
}

export async function pageReads(d: Deps, userIds: ReadonlyArray<string | null | undefined>, fileIds: ReadonlyArray<string | null | undefined>): Promise<PageReads> {
  const uids = [...new Set(userIds.filter((x): x is string => !!x))]
  const fids = [...new Set(fileIds.filter((x): x is string => !!x))]
  const [users, metas] = await Promise.all([uids.length ? d.store.getUsers(uids) : [], fids.length ? d.store.getFileMetas(fids) : []])
  const urls = await fileUrls(d, metas)
  return {
    users: new Map(users.map((u) => [u.id, u])),
    files: new Map(metas.map((m, i) => [m.id, { fileId: m.id, url: urls[i]! }])),
  }
}

/** Reads from records already in hand (a create's validated photos): only the links cost a storage call. */
export async function readsOf(d: Deps, users: readonly User[], metas: readonly FileMeta[]): Promise<PageReads> {
  const urls = await fileUrls(d, metas)
  return { users: new Map(users.map((u) => [u.id, u])), files: new Map(metas.map((m, i) => [m.id, { fileId: m.id, url: urls[i]! }])) }
}

/**
 * Fills `names` with the assignees of `cases` not yet in it, in one read (a queue page, an export
 * chunk), so a row's summary finds its assignee's name without a round trip of its own.
 */
export async function prefetchNames(d: Deps, cases: readonly Case[], names: Map<string, string>): Promise<void> {
  const ids = [...new Set(cases.map((c) => c.assigneeId).filter((id): id is string => !!id && !names.has(id)))]
  if (ids.length === 0) return
  const found = new Map((await d.store.getUsers(ids)).map((u) => [u.id, u.name]))
  for (const id of ids) names.set(id, found.get(id) ?? '')
}

/** `ids` as links, in order, leaving out those with no stored file. */
export function linksOf(reads: PageReads, ids: readonly string[]): PhotoView[] {
  return ids.flatMap((id) => {
    const v = reads.files.get(id)
    return v ? [v] : []
  })
}
