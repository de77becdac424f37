import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { boardView, emptyBoard } from './boardView'
import { managed } from './gridAccess'

export async function saveBoard(d: Deps, actor: Actor, input: ApiIn<'grid.saveBoard'>) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const now = d.clock.now().toISOString()
  const cur = (await d.store.getBoard(m.g.code)) ?? emptyBoard(m.g, now)
  await d.store.putBoard({ ...cur, scope: input.scope.trim(), households: input.households, team: input.team.map((t) => ({ role: t.role, name: t.name.trim(), phone: t.phone?.trim() || null })), services: input.services.map((x) => x.trim()).filter(Boolean), officeHours: input.officeHours.trim(), joinPolicy: input.joinPolicy, updatedAt: now })
  return { ok: true as const, board: await boardView(d, m.tree, actor, m.g) }
}
