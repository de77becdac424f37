import type { CaseLinkView } from '../../../src/contracts/mediationIntake'
import { linkText, readLink } from '../../../src/core/caseLink'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'

/**
 * A stored link (origin, convertedTo) as a screen shows it: 「调解案件 京溪-2026-00042」, opened with a tap
 * only by someone who may read that case (a grid worker who turned a report into mediation may not
 * read the mediation case; they still see its number).
 */
export async function caseLinkView(d: Deps, tree: OrgTree, actor: Actor | null, stored: unknown): Promise<CaseLinkView | null> {
  const link = readLink(stored)
  if (!link) return null
  const target = await d.store.getCase(link.caseId)
  const number = target?.number ?? link.number ?? null
  return {
    kind: link.kind as CaseLinkView['kind'],
    caseId: link.caseId,
    number,
    text: linkText({ ...link, ...(number ? { number } : {}) }),
    readable: target !== null && actor !== null && canRead(tree, actor, target),
  }
}
