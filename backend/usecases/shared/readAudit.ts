import type { Case } from '../../../src/core/case'
import { CASE_KIND_LABELS } from '../../../src/core/caseLink'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { auditedReadRole } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { writeAudit } from './audit'

/**
 * Records an audited read before the case is answered (scope.ts decides which reads are: an
 * administrator's, police reading a case referred to them). `via` names the call.
 */
export async function auditCaseRead(d: Deps, tree: OrgTree, actor: Actor, c: Case, via: string): Promise<void> {
  const role = auditedReadRole(tree, actor, c)
  if (!role) return
  const reason = role === 'police' ? '警调对接案件' : '管理员查阅'
  await writeAudit(d, actor, { actorRole: role, action: 'read', target: `${via} ${CASE_KIND_LABELS[c.kind] ?? c.kind} ${c.id}`, reason, unitCode: c.unitCode })
}
