import type { ClaimPhoneState } from '../../../src/contracts/proxy'
import { maskPhone } from '../../../src/core/idNumber'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { ownPhone } from './ownPhone'

/**
 * The caller's own phone (我的) when it may claim what was filed for it (代办). Where WeChat's phone
 * button works (CloudBase, or any deployment with the exchange port), only a number it verified counts:
 * a typed one proves nothing about who holds it. Only locally without it (development) a typed one counts.
 */
export async function claimPhone(d: Deps, actor: Actor): Promise<{ state: ClaimPhoneState; phone: string | null; masked: string | null }> {
  const me = await d.store.getUser(actor.userId)
  const phone = me && !me.deletedAt ? ownPhone(d, me) : null
  if (!me || phone === null) return { state: 'missing', phone: null, masked: null }
  const counts = me.profile?.phoneSource === 'wechat' || (d.mode === 'local' && !d.phoneNumbers)
  return counts ? { state: 'verified', phone, masked: maskPhone(phone) } : { state: 'unverified', phone: null, masked: maskPhone(phone) }
}
