import type { ModerationItemView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { pageReads, prefetchNames } from '../shared/pageReads'
import { hasPendingContent, moderationItem } from './moderationItem'

/** Who moderates: the street's command centre (综治中心) and grid workers, each within their units. */
const MODERATORS = ['dispatcher', 'grid_worker'] as const
const PAGE = 100
/** Reports read per call at most; a page may come back short with a cursor to go on from. */
export const MODERATION_SCAN_LIMIT = 2000

/**
 * Reports of the caller's grids with content 待审核, newest first. Pending is a state inside the
 * payload, so the street's reports are read page by page and filtered here, up to a bound.
 */
export async function moderationQueue(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const grants = actor.grants.filter((g) => (MODERATORS as readonly string[]).includes(g.role))
  if (grants.length === 0) return fail('FORBIDDEN', '仅综治中心和网格员可审核公开内容')
  const tree = await d.orgTree()
  const gridCodes = [...new Set(grants.flatMap((g) => tree.gridsWithin(g.unitCode).map((u) => u.code)))]
  const limit = input.limit ?? 20
  const found: Case[] = []
  let before = input.before
  let scanned = 0
  let exhausted = gridCodes.length === 0
  while (!exhausted && found.length <= limit && scanned < MODERATION_SCAN_LIMIT) {
    const page = await d.store.listCases({ kind: 'report', gridCodes, order: 'newest', limit: PAGE, before })
    scanned += page.length
    for (const c of page) {
      if (found.length > limit) break
      if (hasPendingContent(d, c)) found.push(c)
      before = c.id
    }
    if (page.length < PAGE) exhausted = true
  }
  const more = found.length > limit
  const shown = found.slice(0, limit)
  const names = new Map<string, string>()
  // The page's assignees and photos in one read each, however many items it shows.
  await prefetchNames(d, shown, names)
  const links = await pageReads(d, [], shown.flatMap((c) => (c.payload as { photos?: string[] }).photos ?? []))
  const items: ModerationItemView[] = []
  for (const c of shown) items.push(await moderationItem(d, tree, c, names, links))
  // More to read: after the last item shown, or, when the scan bound cut the page short, after the last report read.
  const next = more ? shown[shown.length - 1]!.id : exhausted ? null : (before ?? null)
  return { ok: true as const, items, next }
}
