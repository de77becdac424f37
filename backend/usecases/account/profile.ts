import type { AccountApi } from '../../../src/contracts/account'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { profileView } from './profileView'
import { shownSelf } from './self'

type Out = { ok: true } & AccountApi['account.profile']['out']

export async function profile(d: Deps, actor: Actor): Promise<Out | Failure> {
  const u = await shownSelf(d, actor)
  if ('ok' in u) return u
  return { ok: true, profile: await profileView(d, u) }
}
