import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { boardView, emptyBoard } from './boardView'
import { gridOr404 } from './gridAccess'
import { statusOnRequest } from './rules'

export async function join(d: Deps, actor: Actor, input: { code: string; building?: string }) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  const now = d.clock.now().toISOString()
  const b = (await d.store.getBoard(g.code)) ?? emptyBoard(g, now)
  const cur = await d.store.getMembership(g.code, actor.userId)
  if (cur?.status === 'joined' || cur?.status === 'requested') return { ok: true as const, board: await boardView(d, tree, actor, g) }
  const status = statusOnRequest(b.joinPolicy)
  await d.store.putMembership({ gridCode: g.code, userId: actor.userId, status, building: input.building?.trim() || null, requestedAt: now, decidedAt: status === 'joined' ? now : null, decidedBy: null })
  return { ok: true as const, board: await boardView(d, tree, actor, g) }
}
