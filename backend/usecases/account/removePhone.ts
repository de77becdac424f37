import type { AccountApi } from '../../../src/contracts/account'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { profileView } from './profileView'
import { profileOf, selfOf } from './self'

type Out = { ok: true } & AccountApi['account.removePhone']['out']

/** Removing one's phone needs no consent: taking data back is always allowed. */
export async function removePhone(d: Deps, actor: Actor): Promise<Out | Failure> {
  const u = await selfOf(d, actor)
  if ('ok' in u) return u
  if (!u.profile?.phoneSealed) return { ok: true, profile: await profileView(d, u) }
  const next = { ...u, profile: { ...profileOf(u), phoneSealed: null, phoneSource: null } }
  await d.store.putUser(next)
  return { ok: true, profile: await profileView(d, next) }
}
