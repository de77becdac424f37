import type { DeletionView } from '../../../src/contracts/account'
import { fail, type Failure } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { auditErasure, eraseMediationParties, finish, leaveGroups, partyCases, removeAvatar } from './erasure'
import { keptLines } from './keptRecords'
import { selfOf } from './self'
import { staffRoles } from './staffRoles'

/**
 * 注销账号. Refused while the person holds a staff role (an administrator revokes it first). Then, in
 * order and each safe to repeat: their party details on mediation cases (before the follows that
 * find them), group memberships, follows, inbox and subscribe consents, the avatar, an audit row,
 * and last the user row. Reports, cases, agreements and registrations stay for the record; the
 * answer says what stays and until when. Rate limits against probing count the WeChat identity,
 * not the account, so they outlive it.
 */
export async function deleteAccount(d: Deps, actor: Actor, _input: { confirm: '注销' }): Promise<{ ok: true; deletion: DeletionView } | Failure> {
  const u = await selfOf(d, actor)
  if ('ok' in u) return u
  const staff = staffRoles(u)
  if (staff.length > 0) return fail('STAFF_ACCOUNT', `您目前担任${staff.map((r) => ROLE_LABELS[r]).join('、')}，请先联系管理员撤销工作人员身份，再注销账号`)

  const cases = await partyCases(d, u.id)
  const kept = await keptLines(d, u.id, cases)
  const stuck = await eraseMediationParties(d, u.id, cases)
  if (stuck) return stuck
  await leaveGroups(d, u.id)
  await d.store.unfollowAll(u.id)
  await d.store.removeInboxAndQuotas(u.id)
  await removeAvatar(d, u)
  await auditErasure(d, u)
  await finish(d, u.id)
  return { ok: true, deletion: { kept } }
}

// The action is `account.delete`; `delete` is a reserved word, so the binding has another name.
export { deleteAccount as delete }
