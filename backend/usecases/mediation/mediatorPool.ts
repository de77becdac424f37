import { MEDIATION_OPEN } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import type { User } from '../../ports'
import type { Deps } from '../../deps'

/** Mediators whose grant covers the street, optionally of one committee. */
export async function mediatorsOf(d: Deps, tree: OrgTree, streetCode: string, committee?: string): Promise<User[]> {
  const chain = tree.chain(streetCode).map((u) => u.code)
  const users = await d.store.listStaff(chain, ['mediator'])
  return users.filter((u) => u.grants.some((g) => g.role === 'mediator' && chain.includes(g.unitCode) && (!committee || g.committee === committee)))
}

export async function openCaseCount(d: Deps, mediatorId: string): Promise<number> {
  return d.store.countCases({ kind: 'mediation', assigneeId: mediatorId, statuses: MEDIATION_OPEN })
}

/** Assignment by workload: the mediator with the fewest open cases, ties by id. */
export async function leastLoadedMediator(d: Deps, mediators: User[]): Promise<User | undefined> {
  let best: { u: User; n: number } | undefined
  for (const u of [...mediators].sort((a, b) => a.id.localeCompare(b.id))) {
    const n = await openCaseCount(d, u.id)
    if (!best || n < best.n) best = { u, n }
  }
  return best?.u
}
