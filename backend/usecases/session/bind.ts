import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { redeemedBy, type Invitation, type RedeemRequest, type User } from '../../ports'
import type { Deps } from '../../deps'
import type { Caller } from '../shared/actor'
import { CODE_LENGTH, hashCode, normaliseCode } from '../admin/invitationCode'
import { statusOf } from '../admin/invitationView'
import { me } from './me'

/** The invitation a typed code names, or the failure to show. */
async function findByCode(d: Deps, raw: string): Promise<Invitation | Failure> {
  const code = normaliseCode(raw)
  const inv = code.length === CODE_LENGTH ? await d.store.getInvitationByHash(hashCode(code)) : null
  return inv ?? fail('NOT_FOUND', '邀请码无效，请核对后重试', { code: '邀请码无效' })
}

const alreadyUsed = () => fail('FORBIDDEN', '邀请码已被使用，如需重新绑定请联系管理员', { code: '已使用' })

/** The staff record an open invitation binds to, or why it cannot be redeemed now. */
async function redeemableStaff(d: Deps, inv: Invitation, now: string): Promise<User | Failure> {
  const status = statusOf(inv, now)
  if (status === 'used') return alreadyUsed()
  if (status === 'revoked') return fail('FORBIDDEN', '邀请码已撤销，请联系管理员重新生成', { code: '已撤销' })
  if (status === 'expired') return fail('FORBIDDEN', '邀请码已过期，请联系管理员重新生成', { code: '已过期' })
  const staff = await d.store.getUser(inv.userId)
  return staff && staff.grants.length > 0 ? staff : fail('FORBIDDEN', '该工作人员账号已停用')
}

/** Takes the invitation (once, atomically) and answers with the staff member's session. */
async function bindStaff(d: Deps, staff: User, r: RedeemRequest) {
  if (!(await d.store.redeemInvitation(r))) return alreadyUsed()
  const fresh = await d.store.getUser(staff.id)
  return me(d, { userId: staff.id, name: staff.name, grants: fresh?.grants ?? staff.grants })
}

/**
 * Redeeming binds the caller's platform identity (OPENID) to the staff record. The caller was
 * made a resident on first sight; that placeholder gives its OPENID up. If it has filed cases
 * already, binding is refused: moving the identity would cut the person off from them.
 */
export async function bind(d: Deps, actor: Actor, input: { code: string }) {
  const inv = await findByCode(d, input.code)
  if (isFailure(inv)) return inv
  const caller = await d.store.getUser(actor.userId)
  if (!caller?.openid) return fail('VALIDATION', '请在微信小程序中打开邀请链接完成绑定')
  const now = d.clock.now().toISOString()
  // A retry of the call that bound this very WeChat answers as the first did.
  if (inv.usedAt && inv.usedBy === caller.openid && caller.id === inv.userId) return me(d, actor)
  const staff = await redeemableStaff(d, inv, now)
  if (isFailure(staff)) return staff
  if (caller.id !== staff.id) {
    if (caller.grants.some((g) => g.role !== 'resident')) return fail('FORBIDDEN', `该微信已绑定工作人员「${caller.name}」，请先由管理员停用后再绑定`)
    if ((await d.store.countCases({ creatorId: caller.id })) > 0) return fail('FORBIDDEN', '该微信已作为居民提交过事项，不能再绑定为工作人员；请用其他微信号，或联系管理员')
  }
  return bindStaff(d, staff, { invitationId: inv.id, openid: caller.openid, releaseUserId: caller.id === staff.id ? null : caller.id, at: now })
}

/**
 * `session.bind` for any caller. A web sign-in (CloudBase user id) binds that uid to the staff
 * record instead of an OPENID; one invitation binds one identity of either kind, so a person who
 * uses both the mini-program and the H5 desk redeems two invitations.
 */
export async function redeemFor(d: Deps, caller: Caller, input: { code: string }) {
  if (caller.webUid === undefined) return caller.actor ? bind(d, caller.actor, input) : fail('UNAUTHENTICATED', '请先登录')
  const { webUid } = caller
  const inv = await findByCode(d, input.code)
  if (isFailure(inv)) return inv
  // A retry of the call that bound this very sign-in answers as the first did.
  if (inv.usedAt && inv.usedBy === redeemedBy({ openid: null, webUid }) && caller.actor?.userId === inv.userId) return me(d, caller.actor)
  const now = d.clock.now().toISOString()
  const staff = await redeemableStaff(d, inv, now)
  if (isFailure(staff)) return staff
  if (caller.actor && caller.actor.userId !== staff.id) return fail('FORBIDDEN', `该账号已绑定工作人员「${caller.actor.name}」，请先由管理员停用后再绑定`)
  return bindStaff(d, staff, { invitationId: inv.id, openid: null, webUid, releaseUserId: null, at: now })
}
