import type { DeletionView } from '../../../src/contracts/account'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { auditErasure, eraseHelpMarks, eraseMediationParties, eraseReportContacts, finish, leaveGroups, partyCases, removeAvatar, staffRefusal } from './erasure'
import { keptLines } from './keptRecords'
import { selfOf } from './self'

/**
 * 注销账号. Refused while the person holds a staff role (an administrator revokes it first). Then, in
 * order and each safe to repeat: their party details on mediation cases (before the follows that
 * find them), the contact phones on their reports, group memberships, follows, inbox and subscribe consents, the avatar, an audit row,
 * and last the user row. Reports, cases, agreements and registrations stay for the record; the
 * answer says what stays and until when. Rate limits against probing count the WeChat identity,
 * not the account, so they outlive it.
 */
export async function deleteAccount(d: Deps, actor: Actor, _input: { confirm: '注销' }): Promise<{ ok: true; deletion: DeletionView } | Failure> {
  const u = await selfOf(d, actor)
  if ('ok' in u) return u
  const staff = staffRefusal(u)
  if (staff) return staff

  const cases = await partyCases(d, u.id)
  const kept = await keptLines(d, u.id, cases)
  const stuck = await eraseMediationParties(d, u.id, cases)
  if (stuck) return stuck
  const contacts = await eraseReportContacts(d, u.id)
  if (contacts) return contacts
  const marks = await eraseHelpMarks(d, u.id)
  if (marks) return marks
  await leaveGroups(d, u.id)
  await d.store.unfollowAll(u.id)
  await d.store.removeInboxAndQuotas(u.id)
  await removeAvatar(d, u)
  await auditErasure(d, u)
  const refused = await finish(d, actor)
  return refused ?? { ok: true, deletion: { kept } }
}

// The action is `account.delete`; `delete` is a reserved word, so the binding has another name.
export { deleteAccount as delete }
