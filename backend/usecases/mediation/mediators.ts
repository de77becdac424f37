import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { mediatorsOf, openCaseCount } from './mediatorPool'
import { centreStreets } from './streets'

/** The mediators the centre may assign, with their open caseload. */
export async function mediators(d: Deps, actor: Actor, input: { committee?: string }) {
  const tree = await d.orgTree()
  const streets = centreStreets(tree, actor)
  if (streets.length === 0) return fail('FORBIDDEN', '仅综治中心可指派调解员')
  const out = []
  for (const s of streets) {
    for (const u of await mediatorsOf(d, tree, s, input.committee)) {
      // A mediator not yet placed in a committee cannot take cases; they are not offered.
      const g = u.grants.find((x) => x.role === 'mediator' && x.committee)
      if (!g) continue
      const committee = d.config.mediation.committees.find((c) => c.code === g.committee)
      out.push({ id: u.id, name: u.name, committee: g.committee!, committeeName: committee?.name ?? g.committee!, openCases: await openCaseCount(d, u.id) })
    }
  }
  return { ok: true as const, mediators: out }
}
