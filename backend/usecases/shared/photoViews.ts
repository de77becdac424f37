import type { PhotoView } from '../../../src/contracts/api'
import type { Deps } from '../../deps'

/** Photos as a page shows them: a link per stored file; an id with no file behind it is left out. */
export async function photoViews(d: Deps, fileIds: readonly string[]): Promise<PhotoView[]> {
  const out: PhotoView[] = []
  for (const id of fileIds) {
    const meta = await d.store.getFileMeta(id)
    if (meta) out.push({ fileId: id, url: await d.fileUrl(meta) })
  }
  return out
}
