import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { dayStart, nextDayStart } from '../shared/shanghaiDay'
import { pl } from './payload'
import { centreStreets, mediationUnits } from './streets'

/**
 * The centre's mediation cases applied for within the dates (China days), newest first; null for anyone
 * else. Its streets' and their communities' cases, and those passed up from them to the district (so
 * 不出街道 counts what left the street too); a district's centre has the district's own as well.
 */
export async function ledgerCases(d: Deps, tree: OrgTree, actor: Actor, input: { from?: string; to?: string }): Promise<Case[] | null> {
  const streets = centreStreets(tree, actor)
  if (streets.length === 0) return null
  const units = new Set(streets.flatMap((s) => mediationUnits(tree, s)))
  const districts = [...new Set(streets.map((s) => tree.ancestorAt(s, 'district')?.code).filter((x): x is string => x !== undefined))]
  const wholeDistrict = (code: string) => actor.grants.some((g) => (g.role === 'dispatcher' || g.role === 'admin') && tree.isWithin(code, g.unitCode))
  const mine = (c: Case) => units.has(c.unitCode) || wholeDistrict(c.unitCode) || (pl(c).passUps ?? []).some((x) => units.has(x.fromUnit))
  const out: Case[] = []
  let before: string | undefined
  const createdAfter = input.from ? new Date(Date.parse(dayStart(input.from)) - 1).toISOString() : undefined
  const createdBefore = input.to ? nextDayStart(input.to) : undefined
  while (out.length < 10_000) {
    const page = await d.store.listCases({ kind: 'mediation', unitCodes: [...units, ...districts], createdAfter, createdBefore, order: 'newest', limit: 200, before })
    out.push(...page.filter(mine))
    if (page.length < 200) break
    before = page[page.length - 1]!.id
  }
  return out
}
