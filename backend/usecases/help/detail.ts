import type { Case } from '../../../src/core/case'
import { HELP } from '../../../src/core/kinds/help'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Deps } from '../../deps'
import { actionsFor } from '../shared/actionViews'
import { timelineViews } from '../shared/timelineViews'
import { helpView, People } from './views'

export const NOT_FOUND = '求助不存在或无权查看'

/** The request when the caller may read it; the same refusal for one that does not exist. */
export async function readableHelp(d: Deps, tree: OrgTree, actor: Actor, id: string): Promise<Case | Failure> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'help' || !canRead(tree, actor, c)) return fail('NOT_FOUND', NOT_FOUND)
  return c
}

/** The request, its timeline (the person: their own notes and public rows only) and the moves the caller may make. */
export async function helpDetail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  const person = c.creatorId === actor.userId
  const events = await d.store.timeline(c.id)
  return {
    help: await helpView(d, tree, actor, c, await new People(d).load([c])),
    timeline: await timelineViews(d, HELP, actor, c, events, person ? 'reporter' : 'full'),
    actions: person ? [] : actionsFor(HELP, tree, actor, c, d.clock.now()),
  }
}
