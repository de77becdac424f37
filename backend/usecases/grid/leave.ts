import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { boardView } from './boardView'
import { gridOr404 } from './gridAccess'

export async function leave(d: Deps, actor: Actor, input: { code: string }) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  const cur = await d.store.getMembership(g.code, actor.userId)
  if (!cur || cur.status === 'left' || cur.status === 'refused') return fail('ILLEGAL_TRANSITION', '您不在该网格群中')
  await d.store.putMembership({ ...cur, status: 'left', decidedAt: d.clock.now().toISOString(), decidedBy: actor.userId })
  return { ok: true as const, board: await boardView(d, tree, actor, g) }
}
