import type { PhotoView } from '../../../src/contracts/api'
import type { Deps } from '../../deps'
import type { FileMeta } from '../../ports'

/** Links of `metas` in order: one storage call where the platform batches them, else one per file. */
export async function fileUrls(d: Deps, metas: readonly FileMeta[]): Promise<string[]> {
  if (metas.length === 0) return []
  if (d.fileUrls) return d.fileUrls(metas)
  const out: string[] = []
  for (const meta of metas) out.push(await d.fileUrl(meta))
  return out
}

/** Photos as a page shows them: a link per stored file; an id with no file behind it is left out. One read and one storage call for them all. */
export async function photoViews(d: Deps, fileIds: readonly string[]): Promise<PhotoView[]> {
  if (fileIds.length === 0) return []
  const metas = new Map((await d.store.getFileMetas(fileIds)).map((m) => [m.id, m]))
  const found = [...new Set(fileIds)].filter((id) => metas.has(id))
  const urls = await fileUrls(d, found.map((id) => metas.get(id)!))
  const url = new Map(found.map((id, i) => [id, urls[i]!]))
  return fileIds.filter((id) => url.has(id)).map((fileId) => ({ fileId, url: url.get(fileId)! }))
}
