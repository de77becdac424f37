import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { auditCaseRead } from '../shared/readAudit'
import { REPORT_COMMANDS } from './commands'
import { staffDetail } from './staffView'

async function loadReadable(d: Deps, tree: OrgTree, actor: Actor, id: string): Promise<Case | Failure> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'report' || !canRead(tree, actor, c)) return fail('NOT_FOUND', REPORT_COMMANDS.notFound)
  return c
}

/** `cases.get` (the staff detail; residents read through `reports.get`, get.ts). */
export async function staffGet(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await loadReadable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'cases.get')
  return { ok: true as const, ...(await staffDetail(d, tree, actor, c)) }
}
