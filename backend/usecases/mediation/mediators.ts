import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { mediatorsOf, openCaseCount } from './mediatorPool'
import { grantCommitteeName } from './committees'
import { centreStreets, mediationUnits } from './streets'

/** The mediators the centre may assign, with their open caseload. */
export async function mediators(d: Deps, actor: Actor, input: { committee?: string }) {
  const tree = await d.orgTree()
  const streets = centreStreets(tree, actor)
  if (streets.length === 0) return fail('FORBIDDEN', '仅综治中心可指派调解员')
  const out = []
  const seen = new Set<string>()
  for (const s of streets) {
    // The street's and its communities' own (小事不出村), and those granted above them.
    const below = mediationUnits(tree, s).slice(1)
    const staff = [...(await mediatorsOf(d, tree, s, input.committee)), ...(await d.store.listStaff(below, ['mediator']))]
    for (const u of staff) {
      if (seen.has(u.id)) continue
      // A mediator not yet placed in a committee cannot take cases; they are not offered.
      const g = u.grants.find((x) => x.role === 'mediator' && x.committee && (!input.committee || x.committee === input.committee))
      if (!g) continue
      seen.add(u.id)
      out.push({ id: u.id, name: u.name, committee: g.committee!, committeeName: grantCommitteeName(d.config, tree, g.committee!, g.unitCode), openCases: await openCaseCount(d, u.id) })
    }
  }
  return { ok: true as const, mediators: out }
}
