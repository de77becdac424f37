import { createHash, randomInt } from 'node:crypto'
import qrcode from 'qrcode-generator'
import type { InvitationStatus, InvitationView } from '../../../src/contracts/admin'
import type { OrgTree } from '../../../src/core/org'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { redeemedBy, type Invitation, type RedeemRequest } from '../../ports'
import type { User } from '../../ports'
import type { Deps } from '../../deps'
import type { Caller } from '../shared/actor'
import { me } from '../session'
import { grantsWithin, managedStaff, requireAdmin } from './access'

/** No 0/O, 1/I/L: codes are read aloud and typed. 31^8 ≈ 8.5e11. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 8
export const DEFAULT_INVITATION_HOURS = 72
export const JOIN_PAGE = 'pages/join/index'
const STATUS_LABELS: Record<InvitationStatus, string> = { open: '待使用', used: '已使用', expired: '已过期', revoked: '已撤销' }

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex')

/** What a person may have typed: spaces, dashes and lower case are forgiven. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase()
}

function statusOf(i: Invitation, now: string): InvitationStatus {
  if (i.revokedAt) return 'revoked'
  if (i.usedAt) return 'used'
  return i.expiresAt <= now ? 'expired' : 'open'
}

export function invitationView(i: Invitation, now: string): InvitationView {
  const status = statusOf(i, now)
  return { id: i.id, userId: i.userId, status, statusLabel: STATUS_LABELS[status], createdAt: i.createdAt, expiresAt: i.expiresAt, usedAt: i.usedAt }
}

export async function revokeOpenInvitations(d: Pick<Deps, 'store' | 'clock'>, userId: string): Promise<void> {
  const at = d.clock.now().toISOString()
  for (const i of await d.store.listInvitations(userId)) if (!i.usedAt && !i.revokedAt) await d.store.putInvitation({ ...i, revokedAt: at })
}

function qrSvg(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true })
}

/** An invitation for a staff member within the admin's units. */
export async function invite(d: Deps, actor: Actor, input: { userId: string; validHours?: number }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const u = await managedStaff(d, actor, input.userId)
  if (isFailure(u)) return u
  return { ok: true as const, ...(await issueInvitation(d, u.id, actor.userId, input.validHours)) }
}

/** A fresh code for a staff record; any earlier unused code of theirs stops working. */
export async function issueInvitation(d: Pick<Deps, 'store' | 'clock' | 'newId'>, userId: string, createdBy: string, validHours = DEFAULT_INVITATION_HOURS) {
  await revokeOpenInvitations(d, userId)
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  const now = d.clock.now()
  const inv: Invitation = {
    id: d.newId(),
    codeHash: hashCode(code),
    userId,
    createdBy,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validHours * 3600_000).toISOString(),
    usedAt: null,
    usedBy: null,
    revokedAt: null,
  }
  await d.store.putInvitation(inv)
  const path = `${JOIN_PAGE}?code=${code}`
  return { invitation: invitationView(inv, now.toISOString()), code, path, qrSvg: qrSvg(path) }
}

/** An admin manages the invitations they made, and those of active staff within their units. */
function manages(tree: OrgTree, actor: Actor, i: Invitation, staff: User | null): boolean {
  // Revoked staff hold no grants; their invitations stay with whoever made them.
  return i.createdBy === actor.userId || (!!staff && staff.grants.length > 0 && grantsWithin(tree, actor, staff.grants))
}

export async function listInvitations(d: Deps, actor: Actor, input: { userId?: string }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const now = d.clock.now().toISOString()
  const tree = await d.orgTree()
  const all = await d.store.listInvitations(input.userId)
  const visible = []
  for (const i of all) {
    if (manages(tree, actor, i, await d.store.getUser(i.userId))) visible.push(invitationView(i, now))
  }
  return { ok: true as const, invitations: visible }
}

export async function revokeInvitation(d: Deps, actor: Actor, input: { id: string }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const found = await d.store.getInvitation(input.id)
  if (!found) return fail('NOT_FOUND', '邀请不存在')
  if (!manages(await d.orgTree(), actor, found, await d.store.getUser(found.userId))) return fail('FORBIDDEN', '该邀请不在您管理的范围内')
  const now = d.clock.now().toISOString()
  if (found.usedAt || found.revokedAt) return { ok: true as const, invitation: invitationView(found, now) }
  const revoked = { ...found, revokedAt: now }
  await d.store.putInvitation(revoked)
  return { ok: true as const, invitation: invitationView(revoked, now) }
}

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
async function bind(d: Deps, staff: User, r: RedeemRequest) {
  if (!(await d.store.redeemInvitation(r))) return alreadyUsed()
  const fresh = await d.store.getUser(staff.id)
  return me(d, { userId: staff.id, name: staff.name, grants: fresh?.grants ?? staff.grants })
}

/**
 * Redeeming binds the caller's platform identity (OPENID) to the staff record. The caller was
 * made a resident on first sight; that placeholder gives its OPENID up. If it has filed cases
 * already, binding is refused: moving the identity would cut the person off from them.
 */
export async function redeem(d: Deps, actor: Actor, input: { code: string }) {
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
  return bind(d, staff, { invitationId: inv.id, openid: caller.openid, releaseUserId: caller.id === staff.id ? null : caller.id, at: now })
}

/**
 * `session.bind` for any caller. A web sign-in (CloudBase user id) binds that uid to the staff
 * record instead of an OPENID; one invitation binds one identity of either kind, so a person who
 * uses both the mini-program and the H5 desk redeems two invitations.
 */
export async function redeemFor(d: Deps, caller: Caller, input: { code: string }) {
  if (caller.webUid === undefined) return caller.actor ? redeem(d, caller.actor, input) : fail('UNAUTHENTICATED', '请先登录')
  const { webUid } = caller
  const inv = await findByCode(d, input.code)
  if (isFailure(inv)) return inv
  // A retry of the call that bound this very sign-in answers as the first did.
  if (inv.usedAt && inv.usedBy === redeemedBy({ openid: null, webUid }) && caller.actor?.userId === inv.userId) return me(d, caller.actor)
  const now = d.clock.now().toISOString()
  const staff = await redeemableStaff(d, inv, now)
  if (isFailure(staff)) return staff
  if (caller.actor && caller.actor.userId !== staff.id) return fail('FORBIDDEN', `该账号已绑定工作人员「${caller.actor.name}」，请先由管理员停用后再绑定`)
  return bind(d, staff, { invitationId: inv.id, openid: null, webUid, releaseUserId: null, at: now })
}
