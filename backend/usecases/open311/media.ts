import type { Case } from '../../../src/core/case'
import { moderationOf, type ReportPayload } from '../../../src/core/kinds/report'
import type { Deps } from '../../deps'
import type { WireResponse as HttpResponse } from './wire'
import { FILE_EXT, type FileMeta } from '../../ports'
import { hasPublicView } from '../report/publicView'

/**
 * GET media/<file id>.<ext>: the bytes of a report's photo that moderation published (已公开), on
 * a report with a public view, so a request's media_url is a stable link (storage's own links
 * expire). Never a photo still pending or hidden, never a voice note, never another file.
 */
const FILE = /^([0-9A-HJKMNP-TV-Z]{26})\.([a-z0-9]{2,4})$/
const OWN_CASES_WALKED = 1000
const STORE_PAGE = 200

/**
 * The report that carries the photo: the one the link names (`?request=<case number>`, as
 * requests' media_url writes it), else the uploader's reports filed since the upload (a link
 * without it; a 代办 report's creator is not its uploader, so only the named form finds those).
 */
async function reportWith(d: Deps, meta: FileMeta, number: string | undefined): Promise<Case | null> {
  if (number !== undefined) {
    const [c] = number && number.length <= 40 ? await d.store.listCases({ number, kind: 'report', limit: 1 }) : []
    return c && (c.payload as unknown as ReportPayload).photos.includes(meta.id) ? c : null
  }
  let before: string | undefined
  for (let seen = 0; seen < OWN_CASES_WALKED; seen += STORE_PAGE) {
    const batch = await d.store.listCases({
      creatorId: meta.ownerId,
      kind: 'report',
      createdAfter: new Date(Date.parse(meta.createdAt) - 1).toISOString(),
      order: 'newest',
      limit: STORE_PAGE,
      ...(before ? { before } : {}),
    })
    const hit = batch.find((c) => (c.payload as unknown as ReportPayload).photos.includes(meta.id))
    if (hit) return hit
    if (batch.length < STORE_PAGE) return null
    before = batch[batch.length - 1]!.id
  }
  return null
}

/** The photo's bytes, or null for anything the public may not have (answered as not found). */
export async function publishedPhoto(d: Deps, name: string, request?: string): Promise<HttpResponse | null> {
  const m = FILE.exec(name)
  if (!m) return null
  const meta = await d.store.getFileMeta(m[1]!)
  if (!meta || !meta.contentType.startsWith('image/') || FILE_EXT[meta.contentType] !== m[2]) return null
  const c = await reportWith(d, meta, request)
  if (!c || !hasPublicView(d, c) || moderationOf(c.payload as unknown as ReportPayload).photos[meta.id] !== 'published') return null
  const bytes = await d.files.get(meta.storageKey)
  if (!bytes) return null
  // Short: a photo hidden later stops being served within minutes.
  return { status: 200, headers: { 'content-type': meta.contentType, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' }, body: bytes }
}
