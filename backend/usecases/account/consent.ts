import type { AccountApi } from '../../../src/contracts/account'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { currentNotice, hasAgreed, privacyView } from './consents'
import { changeSelf, profileOf } from './self'

type In = AccountApi['account.consent']['in']
type Out = { ok: true } & AccountApi['account.consent']['out']

/** Records agreement to the notice version the person read; agreeing again changes nothing. */
export async function consent(d: Deps, actor: Actor, input: In): Promise<Out | Failure> {
  // Only the version in force: agreeing to a text the person did not see is no consent.
  if (input.version !== currentNotice(d).version) return fail('VALIDATION', '隐私保护指引已更新，请重新阅读后再同意', { version: '不是当前版本' })
  const at = d.clock.now().toISOString()
  const u = await changeSelf(d, actor, (u) => {
    if (hasAgreed(d, u)) return u
    const p = profileOf(u)
    return { ...u, profile: { ...p, consents: [...p.consents, { key: 'privacy' as const, version: input.version, at }] } }
  })
  if (isFailure(u)) return u
  return { ok: true, privacy: privacyView(d, u) }
}
