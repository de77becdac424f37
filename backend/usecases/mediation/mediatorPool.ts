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

/**
 * Who may take a case at a committee: mediators of its code granted at its unit or above (a unit's
 * own first — a community's mediators before the street's, which serve a community without its own).
 * `nearest` holds the closest level that has any: assignment by workload picks among them.
 */
export async function committeePool(d: Deps, tree: OrgTree, placed: { committee: { code: string }; unitCode: string }): Promise<{ all: User[]; nearest: User[] }> {
  const chain = tree.chain(placed.unitCode).map((u) => u.code)
  const users = await d.store.listStaff(chain, ['mediator'])
  const unitOf = (u: User) => {
    const found = u.grants.filter((g) => g.role === 'mediator' && g.committee === placed.committee.code && chain.includes(g.unitCode)).map((g) => chain.indexOf(g.unitCode))
    return found.length ? Math.min(...found) : -1
  }
  const all = users.filter((u) => unitOf(u) >= 0)
  const closest = Math.min(...all.map(unitOf))
  return { all, nearest: all.filter((u) => unitOf(u) === closest) }
}
