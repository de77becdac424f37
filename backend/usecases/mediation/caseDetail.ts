import type { Case } from '../../../src/core/case'
import { MEDIATION } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { actionsFor } from '../shared/actionViews'
import { pageReads } from '../shared/pageReads'
import { timelineReadIds, timelineViews } from '../shared/timelineViews'
import { mediationReadIds, mediationView } from './caseView'
import { passUpTarget } from './committees'
import { partyName } from './names'
import { pl } from './payload'

/** Each party who has an account on the case, by the name the case gives them. */
function partyNames(d: Deps, c: Case): Map<string, string> {
  return new Map(pl(c).parties.flatMap((x) => (x.userId ? [[x.userId, partyName(d.vault, c.id, x)] as const] : [])))
}

/** What `get` and `act` answer: the case as the caller sees it, its timeline and the moves open to them. */
export async function detail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  const events = await d.store.timeline(c.id)
  const parties = partyNames(d, c)
  // The case's people and files and the timeline's, in one read each (pageReads.ts).
  const own = mediationReadIds(c)
  const rows = timelineReadIds(actor, events, parties)
  const reads = await pageReads(d, [...own.userIds, ...rows.userIds], [...own.fileIds, ...rows.fileIds])
  return {
    case: await mediationView(d, tree, actor, c, reads),
    timeline: await timelineViews(d, MEDIATION, actor, c, events, 'full', parties, reads),
    // 上交上级调解 only where the next level has a committee for the type (the table cannot know the district's).
    actions: actionsFor(MEDIATION, tree, actor, c, d.clock.now()).filter((a) => a.action !== 'pass_up' || !('ok' in passUpTarget(d.config, tree, c))),
  }
}
