import type { ApiIn } from '../../../src/contracts/api'
import { REPORT } from '../../../src/core/kinds/report'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { hasPublicView, publicCaseView } from './publicView'

/**
 * `reports.follow`: following gives a neighbour the case's status notices and its public view,
 * nothing more: staff out of scope who follow still get only the public view, and cases.get still
 * refuses them.
 */
export async function follow(d: Deps, actor: Actor, input: ApiIn<'reports.follow'>) {
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'report' || REPORT.terminalStatuses.includes(c.status) || !hasPublicView(d, c)) return fail('NOT_FOUND', '事项不存在或已结束')
  await d.store.follow(c.id, actor.userId, d.clock.now().toISOString())
  return { ok: true as const, following: true, case: await publicCaseView(d, c) }
}
