import type { ApiIn } from '../../../src/contracts/api'
import { HELP_OPEN } from '../../../src/core/kinds/help'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { communitiesOf } from './scope'
import { byUrgency, People, staffSummary } from './views'

/** Open requests are few; a console shows at most this many. */
const LIVE_MAX = 200

/**
 * `help.live`: the 综治中心 console's poll every few seconds — every open request of the caller's
 * streets (one indexed read: unit and status), urgent first, and which arrived since the last poll.
 */
export async function live(d: Deps, actor: Actor, input: ApiIn<'help.live'>) {
  if (!actor.grants.some((g) => g.role === 'dispatcher')) return fail('FORBIDDEN', '仅综治中心坐席可查看求助大屏')
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  const communities = communitiesOf(tree, actor, ['dispatcher'])
  const open = communities.length ? await d.store.listCases({ kind: 'help', unitCodes: communities, statuses: [...HELP_OPEN], order: 'newest', limit: LIVE_MAX }) : []
  const mine = open.filter((c) => canRead(tree, actor, c)).sort(byUrgency)
  const people = await new People(d).load(mine)
  const items = []
  for (const c of mine) items.push(await staffSummary(d, tree, c, people))
  const arrived = input.since ? mine.filter((c) => c.createdAt > new Date(input.since!).toISOString()).map((c) => c.id) : []
  return { ok: true as const, items, cursor: now, openCount: mine.length, arrived }
}
