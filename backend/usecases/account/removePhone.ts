import type { AccountApi } from '../../../src/contracts/account'
import { isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { profileView } from './profileView'
import { changeSelf, profileOf } from './self'

type Out = { ok: true } & AccountApi['account.removePhone']['out']

/** Removing one's phone needs no consent: taking data back is always allowed. */
export async function removePhone(d: Deps, actor: Actor): Promise<Out | Failure> {
  const u = await changeSelf(d, actor, (u) => (u.profile?.phoneSealed ? { ...u, profile: { ...profileOf(u), phoneSealed: null, phoneSource: null } } : u))
  if (isFailure(u)) return u
  return { ok: true, profile: await profileView(d, u) }
}
