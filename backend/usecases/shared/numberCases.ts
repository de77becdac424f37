import type { Case, CaseKind } from '../../../src/core/case'
import { caseSequenceKey, caseYear, formatCaseNumber, numberingUnit } from '../../../src/core/caseNumber'
import { KINDS } from '../../../src/core/kinds'
import type { Deps } from '../../deps'

const PAGE = 200

/**
 * Every stored case without a number gets one, in creation order, from its street's sequence of the
 * year, as a create would (the CloudBase step `npm run district -- number-cases`; SQLite numbers them
 * in migration 17). Run it when deploying numbers, before new cases come in, so old cases keep the
 * lower numbers; run again, it numbers nothing twice. Each case is numbered in its own transaction
 * with its number taken from the counter there; the version goes up so that a move made meanwhile
 * from an unnumbered copy is refused (CONFLICT) instead of writing the number away.
 */
export async function numberStoredCases(d: Deps): Promise<{ scanned: number; numbered: number }> {
  const tree = await d.orgTree()
  const missing: Case[] = []
  let scanned = 0
  for (const kind of Object.keys(KINDS) as CaseKind[]) {
    let before: string | undefined
    for (;;) {
      const page = await d.store.listCases({ kind, order: 'newest', limit: PAGE, before })
      scanned += page.length
      missing.push(...page.filter((c) => !c.number))
      if (page.length < PAGE) break
      before = page[page.length - 1]!.id
    }
  }
  missing.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
  let numbered = 0
  for (const old of missing) {
    const unit = numberingUnit(tree, old)
    const year = caseYear(old.createdAt)
    const done = await d.store.transaction(async (tx) => {
      const c = await tx.getCase(old.id)
      if (!c || c.number) return false
      const number = formatCaseNumber(unit.short, year, await tx.nextSequence(caseSequenceKey(unit.short, year)))
      return tx.updateCase({ ...c, number, version: c.version + 1 }, c.version)
    })
    if (done) numbered++
  }
  return { scanned, numbered }
}
