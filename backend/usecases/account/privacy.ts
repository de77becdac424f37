import type { AccountApi } from '../../../src/contracts/account'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { privacyView } from './consents'
import { selfOf } from './self'

type Out = { ok: true } & AccountApi['account.privacy']['out']

export async function privacy(d: Deps, actor: Actor): Promise<Out | Failure> {
  const u = await selfOf(d, actor)
  if ('ok' in u) return u
  return { ok: true, privacy: privacyView(d, u) }
}
