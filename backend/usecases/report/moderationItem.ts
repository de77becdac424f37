import type { ModerationItemView, ModerationPhotoView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { MODERATION_LABELS, moderationOf, type ReportPayload } from '../../../src/core/kinds/report'
import type { OrgTree } from '../../../src/core/org'
import { isSensitiveCategory } from '../../config/district'
import type { Deps } from '../../deps'
import { staffSummary } from './staffView'
import { linksOf, type PageReads } from '../shared/pageReads'
import { photoViews } from '../shared/photoViews'

/** Whether the report could ever be shown to the public: not sensitive, not a 找网格员 question. */
export function mayBePublic(d: Deps, c: Case): boolean {
  const p = c.payload as unknown as ReportPayload
  return c.kind === 'report' && p.consult !== true && !isSensitiveCategory(d.config, c.category)
}

/** Content still waiting for a moderator: the description or any photo 待审核, on a visible report. */
export function hasPendingContent(d: Deps, c: Case): boolean {
  if (!mayBePublic(d, c)) return false
  const p = c.payload as unknown as ReportPayload
  const m = moderationOf(p)
  // A report told by voice alone has no words to publish (the voice note is never public).
  const words = (p.description ?? '').trim() !== ''
  return !m.hidden && ((m.description === 'pending' && words) || Object.values(m.photos).some((s) => s === 'pending'))
}

/** The staff view of one report's moderation: original text, every photo with its state and link. */
/** `names`, `links`: what a whole page read at once (moderationQueue); else read here for this one. */
export async function moderationItem(d: Deps, tree: OrgTree, c: Case, names = new Map<string, string>(), links?: PageReads): Promise<ModerationItemView> {
  const p = c.payload as unknown as ReportPayload
  const m = moderationOf(p)
  const views = links ? linksOf(links, p.photos) : await photoViews(d, p.photos)
  const photos: ModerationPhotoView[] = views.map(({ fileId, url }) => {
    const state = m.photos[fileId] ?? 'pending'
    return { fileId, url, state, stateLabel: MODERATION_LABELS[state], checking: Boolean(m.checking?.[fileId]) }
  })
  return {
    case: await staffSummary(d, tree, c, names),
    version: c.version,
    description: { text: p.description, state: m.description, stateLabel: MODERATION_LABELS[m.description], publicText: m.publicDescription ?? null },
    photos,
    hidden: m.hidden,
  }
}
