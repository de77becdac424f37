import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { residentAct } from './confirm'

/** `reports.reopen`: the reporter says the problem is not solved. */
export function reopen(d: Deps, actor: Actor, input: ApiIn<'reports.reopen'>) {
  return residentAct(d, actor, { ...input, action: 'reopen' })
}
