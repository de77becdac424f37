import { auditedReason, type AuditPurpose } from '../../../src/core/auditReason'
import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { writeAudit } from '../shared/audit'
import { isVault, openSecret, vaultOf } from './secrets'

/** Police covering the registration's grid, or null. */
function policeUnitFor(tree: OrgTree, actor: Actor, c: Case): string | null {
  const g = actor.grants.find((x) => x.role === 'police' && tree.isWithin(c.gridCode ?? c.unitCode, x.unitCode))
  return g ? g.unitCode : null
}

/** The full identity number and phone of one registration, for police only; the audit row comes first. */
export async function reveal(d: Deps, actor: Actor, input: { id: string; purpose?: AuditPurpose; reason: string }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  if (!actor.grants.some((g) => g.role === 'police')) return fail('FORBIDDEN', '仅社区民警可查看完整证件号码')
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'checkin' || !policeUnitFor(tree, actor, c)) return fail('NOT_FOUND', '登记不存在或不在您的辖区')
  const secret = await d.store.getSecret(c.id)
  if (!secret || secret.purgedAt !== null || !secret.docCipher) return fail('NOT_FOUND', '该登记的个人信息已按保存期限清除')
  await writeAudit(d, actor, { actorRole: 'police', action: 'reveal', target: c.id, reason: auditedReason(input), unitCode: c.gridCode ?? c.unitCode })
  const open = openSecret(vault, secret)
  return { ok: true as const, docNumber: open.docNumber ?? '', phone: open.phone ?? '' }
}
