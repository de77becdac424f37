import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { User, UserProfile } from '../../ports'
import { callerRecord } from '../shared/actor'

/** What a person who has given nothing yet holds. */
export const EMPTY_PROFILE: UserProfile = { nicknameSet: false, avatarFileId: null, phoneSealed: null, phoneSource: null, consents: [] }

/** The caller's own record, read fresh: every account action acts on it and on nothing else. */
export async function selfOf(d: Deps, actor: Actor): Promise<User | Failure> {
  const u = await d.store.getUser(actor.userId)
  // The boundary resolved this caller a moment ago; a record gone or deleted since is signed out.
  if (!u || u.deletedAt) return fail('UNAUTHENTICATED', '账号已注销')
  return u
}

/**
 * The caller's own record for an answer that only shows it: the one this request's caller was
 * resolved from, which is the same document a second read would bring back; read fresh otherwise.
 */
export async function shownSelf(d: Deps, actor: Actor): Promise<User | Failure> {
  const u = callerRecord(actor)
  return u && !u.deletedAt ? u : selfOf(d, actor)
}

export function profileOf(u: User): UserProfile {
  return u.profile ?? EMPTY_PROFILE
}

const ATTEMPTS = 4

/**
 * Applies `change` to the caller's record and writes the result only over the record it was made
 * from, reading again when another edit of the person's (or the account's deletion) landed in
 * between: no accepted edit is lost and nothing comes back onto a deleted account. `change` may run
 * more than once, so it only computes; a refusal it answers is returned as is.
 */
export async function changeSelf(d: Deps, actor: Actor, change: (u: User) => User | Failure): Promise<User | Failure> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const u = await selfOf(d, actor)
    if (isFailure(u)) return u
    const next = change(u)
    if (isFailure(next) || next === u) return next
    if (await d.store.replaceUser(next, u)) return next
  }
  return fail('CONFLICT', '资料正在其他地方修改，请稍后重试')
}
