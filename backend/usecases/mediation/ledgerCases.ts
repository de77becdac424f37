import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { dayStart, nextDayStart } from '../shared/shanghaiDay'
import { centreStreets } from './streets'

/** The centre's mediation cases applied for within the dates (China days), newest first; null for anyone else. */
export async function ledgerCases(d: Deps, tree: OrgTree, actor: Actor, input: { from?: string; to?: string }): Promise<Case[] | null> {
  const streets = centreStreets(tree, actor)
  if (streets.length === 0) return null
  const out: Case[] = []
  let before: string | undefined
  const createdAfter = input.from ? new Date(Date.parse(dayStart(input.from)) - 1).toISOString() : undefined
  const createdBefore = input.to ? nextDayStart(input.to) : undefined
  while (out.length < 10_000) {
    const page = await d.store.listCases({ kind: 'mediation', unitCodes: streets, createdAfter, createdBefore, order: 'newest', limit: 200, before })
    out.push(...page)
    if (page.length < 200) break
    before = page[page.length - 1]!.id
  }
  return out
}
