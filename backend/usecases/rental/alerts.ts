import type { Case } from '../../../src/core/case'
import type { RegistrationSecret } from '../../ports'
import type { Deps } from '../../deps'

export const ALERT_LIVE = '该证件号已有在住/待确认登记'
export const ALERT_MISUSE = '有人报告该证件被冒用'

const LIVE: readonly string[] = ['pending', 'active']

/**
 * What staff reviewing a live registration should know about its document — another live
 * registration of it, an open misuse dispute — never whose. Only staff see these: the tenant's
 * own answer is the same whether or not the number is registered elsewhere.
 */
export async function documentAlerts(d: Deps, c: Case, secret: RegistrationSecret | null): Promise<string[]> {
  if (!secret?.docHmac || !LIVE.includes(c.status)) return []
  let live = false
  let misuse = false
  for (const id of await d.store.caseIdsByDocHmac(secret.docHmac)) {
    if (id === c.id || (live && misuse)) continue
    const o = await d.store.getCase(id)
    if (o?.kind === 'checkin' && LIVE.includes(o.status)) live = true
    if (o?.kind === 'misuse' && o.status === 'open') misuse = true
  }
  return [...(live ? [ALERT_LIVE] : []), ...(misuse ? [ALERT_MISUSE] : [])]
}
