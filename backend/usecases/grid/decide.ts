import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Membership } from '../../ports'
import type { Deps } from '../../deps'
import { managed } from './gridAccess'
import { memberView } from './memberView'

/** The grid worker admits or refuses a request to join. */
export async function decide(d: Deps, actor: Actor, input: { code: string; userId: string; approve: boolean }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const cur = await d.store.getMembership(m.g.code, input.userId)
  if (!cur || cur.status !== 'requested') return fail('ILLEGAL_TRANSITION', '该申请已处理或不存在')
  const next: Membership = { ...cur, status: input.approve ? 'joined' : 'refused', decidedAt: d.clock.now().toISOString(), decidedBy: actor.userId }
  await d.store.putMembership(next)
  return { ok: true as const, member: await memberView(d, next) }
}
