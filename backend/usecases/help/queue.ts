import type { ApiIn } from '../../../src/contracts/api'
import { HELP_OPEN, HELP_STATUS_LABELS, RESPONDER_ROLES } from '../../../src/core/kinds/help'
import { fail } from '../../../src/core/outcome'
import type { Actor, Role } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { communitiesOf } from './scope'
import { byUrgency, People, staffSummary } from './views'

const QUEUE_ROLES: readonly Role[] = [...RESPONDER_ROLES, 'dispatcher']

/** `help.queue`: the requests of the caller's communities they may read, live ones by default, urgent first. */
export async function queue(d: Deps, actor: Actor, input: ApiIn<'help.queue'>) {
  if (!actor.grants.some((g) => QUEUE_ROLES.includes(g.role))) return fail('FORBIDDEN', '仅值班人员和综治中心可查看求助')
  const statuses = (input.statuses ?? [...HELP_OPEN]).filter((s) => Object.prototype.hasOwnProperty.call(HELP_STATUS_LABELS, s))
  const tree = await d.orgTree()
  const communities = communitiesOf(tree, actor, QUEUE_ROLES)
  const limit = input.limit ?? 50
  const rows = communities.length && statuses.length ? await d.store.listCases({ kind: 'help', unitCodes: communities, statuses, order: 'newest', limit: limit + 1, before: input.before }) : []
  const page = rows.slice(0, limit)
  const shown = page.filter((x) => canRead(tree, actor, x)).sort(byUrgency)
  const people = await new People(d).load(shown)
  const items = []
  for (const c of shown) items.push(await staffSummary(d, tree, c, people))
  return { ok: true as const, items, next: rows.length > limit ? page[page.length - 1]!.id : null }
}
