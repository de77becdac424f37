import type { ApiIn } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { submit } from './submit'

/** `cases.proxySubmit`: a grid worker files a report for a resident (代办), named in `proxy`. */
export async function proxySubmit(d: Deps, actor: Actor, input: ApiIn<'cases.proxySubmit'>) {
  if (!actor.grants.some((g) => g.role === 'grid_worker')) return fail('FORBIDDEN', '仅网格员可代办上报')
  const { proxy, ...report } = input
  return submit(d, actor, report, proxy)
}
