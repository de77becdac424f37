import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { User, UserProfile } from '../../ports'

/** What a person who has given nothing yet holds. */
export const EMPTY_PROFILE: UserProfile = { nicknameSet: false, avatarFileId: null, phoneSealed: null, phoneSource: null, consents: [] }

/** The caller's own record, read fresh: every account action acts on it and on nothing else. */
export async function selfOf(d: Deps, actor: Actor): Promise<User | Failure> {
  const u = await d.store.getUser(actor.userId)
  // The boundary resolved this caller a moment ago; a record gone or deleted since is signed out.
  if (!u || u.deletedAt) return fail('UNAUTHENTICATED', '账号已注销')
  return u
}

export function profileOf(u: User): UserProfile {
  return u.profile ?? EMPTY_PROFILE
}
