import type { Case } from '../../../src/core/case'
import { MEDIATION } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { actionsFor } from '../shared/actionViews'
import { timelineViews } from '../shared/timelineViews'
import { mediationView } from './caseView'
import { passUpTarget } from './committees'
import { partyName } from './names'
import { pl } from './payload'

/** Each party who has an account on the case, by the name the case gives them. */
function partyNames(d: Deps, c: Case): Map<string, string> {
  return new Map(pl(c).parties.flatMap((x) => (x.userId ? [[x.userId, partyName(d.vault, c.id, x)] as const] : [])))
}

/** What `get` and `act` answer: the case as the caller sees it, its timeline and the moves open to them. */
export async function detail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  return {
    case: await mediationView(d, tree, actor, c),
    timeline: await timelineViews(d, actor, c, await d.store.timeline(c.id), 'full', partyNames(d, c)),
    // 上交上级调解 only where the next level has a committee for the type (the table cannot know the district's).
    actions: actionsFor(MEDIATION, tree, actor, c, d.clock.now()).filter((a) => a.action !== 'pass_up' || !('ok' in passUpTarget(d.config, tree, c))),
  }
}
