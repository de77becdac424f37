/**
 * The steps of 注销账号, each safe to repeat. Nothing here stops the person from signing in, so a
 * crash midway leaves an account that can simply ask again; only the last write (the user row:
 * identities cleared, `deletedAt` set) ends it, and then every step before has run.
 */
import type { Case, TimelineEvent } from '../../../src/core/case'
import { ERASED_NAME, eraseParty } from '../../../src/core/kinds/mediationErasure'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import { erasedMark, holdsPerson, proxyMarkOf } from '../../../src/core/proxyMark'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { openNames, sealNames, withoutNameInAgreement } from '../mediation/names'
import { casePages } from '../rental/reads'
import { withoutContact } from '../report/contactPhone'
import { changeSelf } from './self'
import { staffRoles } from './staffRoles'

/** A mediation case moved by someone else meanwhile is read again, this many times. */
const ATTEMPTS = 5

/** Mediation cases the person applied for, and those they joined (found by their follows). */
export async function partyCases(d: Deps, userId: string): Promise<Case[]> {
  const out: Case[] = []
  for await (const page of casePages(d, { kind: 'mediation', creatorId: userId, order: 'newest' })) out.push(...page)
  const joined = await d.store.followedBy(userId)
  for (let i = 0; i < joined.length; i += 200) {
    for (const c of await d.store.listCases({ kind: 'mediation', ids: joined.slice(i, i + 200), order: 'newest', limit: 200 })) if (c.creatorId !== userId) out.push(c)
  }
  return out
}

/** One case: the party's name and phone go, with a timeline row; a case erased before is left alone. */
async function eraseOnCase(d: Deps, caseId: string, userId: string): Promise<boolean> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const c = await d.store.getCase(caseId)
    const out = c && erasedOnCase(d, c, userId)
    if (!c || !out) return true
    // Told to no one: the row explains the change to whoever reads the case.
    const saved = await d.store.transaction(async (tx) => {
      if (!(await tx.updateCase(out.case, c.version))) return false
      await tx.appendEvent(out.event)
      return true
    })
    if (saved) return true
  }
  return false
}

/**
 * The case with the person erased. With the key, the case is opened first so that the drafted
 * agreement, sealed with every party's name, names them 已注销用户 too; then it is sealed again.
 */
function erasedOnCase(d: Deps, c: Case, userId: string): { case: Case; event: TimelineEvent } | null {
  if (!d.vault || c.kind !== 'mediation') return eraseParty(c, userId, d.clock.now(), d.newId())
  const opened = openNames(d.vault, c)
  const out = eraseParty(withoutNameInAgreement(opened, userId), userId, d.clock.now(), d.newId())
  return out && { ...out, case: sealNames(d.vault, out.case) }
}

/**
 * Before the follows go, since a respondent's cases are found through them. Answers a retryable
 * refusal when a case kept moving under every attempt.
 */
export async function eraseMediationParties(d: Deps, userId: string, cases: readonly Case[]): Promise<Failure | null> {
  for (const c of cases) {
    if (!(await eraseOnCase(d, c.id, userId))) return fail('UNAVAILABLE', '系统繁忙，注销未完成，请稍后重试')
  }
  return null
}

/**
 * The contact phone left on each report the person filed (contactPhone.ts): the report stays, the
 * number goes. Nobody is told; a report moved meanwhile is read again.
 */
export async function eraseReportContacts(d: Deps, userId: string): Promise<Failure | null> {
  for await (const page of casePages(d, { kind: 'report', creatorId: userId, order: 'newest' })) {
    for (const c of page) if (!(await dropContact(d, c))) return fail('UNAVAILABLE', '系统繁忙，注销未完成，请稍后重试')
  }
  return null
}

/**
 * 一键求助 requests a grid worker or 代办员 asked for the person, who then claimed them (代办): the
 * request stays as the record, the person's sealed name and phone leave its mark (who asked for them stays).
 */
export async function eraseHelpMarks(d: Deps, userId: string): Promise<Failure | null> {
  for await (const page of casePages(d, { kind: 'help', creatorId: userId, order: 'newest' })) {
    for (const c of page) if (!(await dropContact(d, c, withoutMarkedPerson))) return fail('UNAVAILABLE', '系统繁忙，注销未完成，请稍后重试')
  }
  return null
}

function withoutMarkedPerson(c: Case): Case | null {
  const mark = proxyMarkOf(c)
  return mark && holdsPerson(mark) ? { ...c, payload: { ...c.payload, proxy: erasedMark(mark) }, version: c.version + 1 } : null
}

async function dropContact(d: Deps, listed: Case, strip: (c: Case) => Case | null = withoutContact): Promise<boolean> {
  let c: Case | null = listed
  for (let i = 0; c && i < ATTEMPTS; i++) {
    const next = strip(c)
    if (!next) return true
    const expected = c.version
    if (await d.store.transaction((tx) => tx.updateCase(next, expected))) return true
    c = await d.store.getCase(c.id)
  }
  return c === null
}

/** Every group left (a waiting request withdrawn), and the address typed for it cleared. */
export async function leaveGroups(d: Deps, userId: string): Promise<void> {
  const now = d.clock.now().toISOString()
  for (const m of await d.store.membershipsOf(userId)) {
    const active = m.status === 'requested' || m.status === 'joined'
    if (!active && m.building === null) continue
    await d.store.putMembership({ ...m, status: active ? 'left' : m.status, building: null, ...(active ? { decidedAt: now, decidedBy: userId } : {}) })
  }
}

/** The avatar's bytes, when the file is the person's own upload. A missing file is fine. */
export async function removeAvatar(d: Deps, u: User): Promise<void> {
  const id = u.profile?.avatarFileId
  const meta = id ? await d.store.getFileMeta(id) : null
  if (meta && meta.ownerId === u.id) await d.files.remove(meta.storageKey)
}

/** The audit row, written before the last step: a crash between them only means one more row on the retry. */
export async function auditErasure(d: Deps, u: User): Promise<void> {
  const unitCode = u.grants.find((g) => g.role === 'resident')?.unitCode ?? d.config.district.code
  await d.store.transaction((tx) =>
    tx.appendAudit({ id: d.newId(), actorId: u.id, actorRole: 'resident', action: 'erase', target: '本人账号', reason: '本人申请注销账号', unitCode, at: d.clock.now().toISOString() }),
  )
}

/** Refused while the person holds a staff role (an administrator revokes it first). */
export function staffRefusal(u: User): Failure | null {
  const staff = staffRoles(u)
  return staff.length > 0 ? fail('STAFF_ACCOUNT', `您目前担任${staff.map((r) => ROLE_LABELS[r]).join('、')}，请先联系管理员撤销工作人员身份，再注销账号`) : null
}

/**
 * The last step: the row stays for the references (cases, audit rows) with nothing of the person —
 * the name 已注销用户, no phone or profile, no OPENID or web uid (so the same WeChat identity signs in
 * as somebody new) — and `deletedAt`, after which the record never acts again. Written only over the
 * record as read, so a staff role granted meanwhile refuses it and a profile edit meanwhile is erased too.
 */
export async function finish(d: Deps, actor: Actor): Promise<Failure | null> {
  const done = await changeSelf(d, actor, (u) => {
    const { profile: _profile, ...rest } = u
    return staffRefusal(u) ?? { ...rest, name: ERASED_NAME, phone: null, openid: null, webUid: null, deletedAt: d.clock.now().toISOString() }
  })
  return isFailure(done) ? done : null
}
