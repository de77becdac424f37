import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { MEDIATION_COMMANDS } from './commands'

/** The mediation case the caller may read; anything else is "not found", never "forbidden". */
export async function readable(d: Deps, tree: OrgTree, actor: Actor, id: string): Promise<Case | Failure> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'mediation' || !canRead(tree, actor, c)) return fail('NOT_FOUND', MEDIATION_COMMANDS.notFound)
  return c
}
