import type { AccountApi } from '../../../src/contracts/account'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { phoneCodeUnavailable } from '../../phoneNumberPort'
import { countProbe } from '../shared/rateLimit'
import { consentGate } from './consents'
import { sealOwnPhone } from './ownPhone'
import { profileView } from './profileView'
import { changeSelf, profileOf, selfOf } from './self'

type In = AccountApi['account.setPhone']['in']
type Out = { ok: true } & AccountApi['account.setPhone']['out']

/**
 * The person's own phone: from WeChat's phone button (a code exchanged here, billed per call, so
 * limited per WeChat identity) or typed where the button cannot be used. Stored sealed only.
 */
export async function setPhone(d: Deps, actor: Actor, input: In): Promise<Out | Failure> {
  const me = await selfOf(d, actor)
  if (isFailure(me)) return me
  const refused = consentGate(d, me)
  if (refused) return refused
  const vault = d.vault
  if (!vault) {
    console.error(JSON.stringify({ level: 'error', fn: 'account', msg: 'JIEFANG_PII_KEY is not configured: phones cannot be stored' }))
    return fail('UNAVAILABLE', '个人资料服务暂不可用，请稍后重试')
  }
  let phone: string
  let source: 'wechat' | 'typed'
  if ('code' in input) {
    if (!d.phoneNumbers) return phoneCodeUnavailable()
    const limited = await countProbe(d, actor, 'account.setPhone')
    if (limited) return limited
    const r = await d.phoneNumbers.exchange(input.code)
    if (!r.ok) return r
    phone = r.phone
    source = 'wechat'
  } else {
    phone = input.phone
    source = 'typed'
  }
  const sealed = sealOwnPhone(vault, me.id, phone)
  const u = await changeSelf(d, actor, (u) => consentGate(d, u) ?? { ...u, profile: { ...profileOf(u), phoneSealed: sealed, phoneSource: source } })
  if (isFailure(u)) return u
  return { ok: true, profile: await profileView(d, u) }
}
