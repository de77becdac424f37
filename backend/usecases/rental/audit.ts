import type { AuditView } from '../../../src/contracts/rental'
import { fail } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor, type ActorRole } from '../../../src/core/roles'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { auditCaseId, auditSentence, auditWhat } from './auditSentence'
import { Names } from './reads'
import { unitsOf } from './roles'

/** Audit rows of the caller's units (police and admin), newest first. */
export async function audit(d: Deps, actor: Actor, input: { before?: string; limit?: number }) {
  const units = unitsOf(actor, ['police', 'admin'])
  if (units.length === 0) return fail('FORBIDDEN', '仅社区民警或管理员可查看审计记录')
  const tree = await d.orgTree()
  const codes = tree.all().filter((u) => units.some((x) => tree.isWithin(u.code, x))).map((u) => u.code)
  const limit = input.limit ?? 20
  const rows = await d.store.listAudit(codes, { before: input.before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const names = new Names(d)
  const entries: AuditView[] = []
  const numbers = new Map<string, string | null>()
  for (const e of page) {
    const caseId = auditCaseId(e)
    if (caseId && !numbers.has(caseId)) numbers.set(caseId, (await d.store.getCase(caseId))?.number ?? null)
    const actorName = await names.of(e.actorId)
    const what = auditWhat(d, tree, e, caseId ? (numbers.get(caseId) ?? null) : null)
    entries.push({
      id: e.id,
      actorName,
      actorRole: e.actorRole,
      actorRoleLabel: labelOf(ROLE_LABELS as Record<ActorRole, string>, e.actorRole),
      action: e.action,
      target: e.target,
      caseId,
      what,
      sentence: auditSentence(actorName, what, e.reason),
      reason: e.reason,
      at: e.at,
    })
  }
  return { ok: true as const, entries, next: rows.length > limit ? page[page.length - 1]!.id : null }
}
