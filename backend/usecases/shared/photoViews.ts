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

/** Photos as a page shows them: a link per stored file; an id with no file behind it is left out. */
export async function photoViews(d: Deps, fileIds: readonly string[]): Promise<PhotoView[]> {
  const found: Array<{ fileId: string; meta: FileMeta }> = []
  for (const fileId of fileIds) {
    const meta = await d.store.getFileMeta(fileId)
    if (meta) found.push({ fileId, meta })
  }
  const urls = await fileUrls(d, found.map((f) => f.meta))
  return found.map((f, i) => ({ fileId: f.fileId, url: urls[i]! }))
}
