import type { CaseHelperView } from '../../../src/contracts/mediationHelpers'
import type { Case } from '../../../src/core/case'
import { helpersOf } from '../../../src/core/kinds/mediationHelpers'
import { HELPER_KIND_LABELS, type Actor } from '../../../src/core/roles'

/** The helpers on a case as one of its readers sees them; how the parties rated them is for staff. */
export function helperViews(c: Case, viewer: Actor, staff: boolean): CaseHelperView[] {
  return helpersOf(c).map((h) => {
    const ratings = Object.values(h.ratings ?? {})
    const average = ratings.length ? Math.round((ratings.reduce((n, r) => n + r.rating, 0) / ratings.length) * 10) / 10 : 0
    return {
      userId: h.userId,
      name: h.name,
      kind: h.kind,
      kindLabel: HELPER_KIND_LABELS[h.kind] ?? '协助调解人',
      invitedAt: h.invitedAt,
      isMe: h.userId === viewer.userId,
      myRating: h.ratings?.[viewer.userId]?.rating ?? null,
      rating: staff && ratings.length ? { average, count: ratings.length } : null,
    }
  })
}
