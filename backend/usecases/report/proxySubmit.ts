import type { ApiIn } from '../../../src/contracts/api'
import { proxyAgentRole } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { NOT_AN_AGENT } from '../shared/proxyAgent'
import { submit } from './submit'

/**
 * `cases.proxySubmit`: a grid worker or 代办员 files a report for a resident who is present (代办),
 * named in `proxy`, where they work; the resident claims it later by phone (account.claimProxied).
 */
export async function proxySubmit(d: Deps, actor: Actor, input: ApiIn<'cases.proxySubmit'>) {
  if (!proxyAgentRole(actor)) return NOT_AN_AGENT
  const { proxy, ...report } = input
  return submit(d, actor, report, proxy)
}
