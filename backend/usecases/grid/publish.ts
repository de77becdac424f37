import type { ApiIn } from '../../../src/contracts/api'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { announcementViews } from './announcementView'
import { canManage } from './gridAccess'
import { outboxMessage } from './outboxMessage'
import { GRID_ANNOUNCEMENT } from './topics'

/** Grids an announcement reaches, within what the author may publish to. */
function targetGrids(tree: OrgTree, actor: Actor, t: ApiIn<'grid.publish'>['target']): { codes: string[]; label: string } | null {
  let codes: string[]
  let label: string
  if (t.kind === 'grids') {
    codes = [...new Set(t.codes)]
    label = codes.length === 1 ? (tree.get(codes[0]!)?.name ?? codes[0]!) : `${codes.length} 个网格`
  } else {
    const unit = tree.get(t.code)
    if (!unit || unit.level !== t.kind) return null
    codes = tree.gridsWithin(unit.code).map((g) => g.code).sort()
    label = unit.name
    // Managing the street (or community) covers each of its ~140 grids: one check, not one per grid.
    if (codes.length > 0 && canManage(tree, actor, unit.code)) return { codes, label }
  }
  if (codes.length === 0 || codes.some((c) => tree.get(c)?.level !== 'grid' || !canManage(tree, actor, c))) return null
  return { codes, label }
}

/** One announcement row whatever its reach; emergencies are pushed from the outbox. */
export async function publish(d: Deps, actor: Actor, input: ApiIn<'grid.publish'>) {
  const tree = await d.orgTree()
  const target = targetGrids(tree, actor, input.target)
  if (!target) return fail('FORBIDDEN', '只能向本人负责的网格发布公告')
  const stored = await d.store.addAnnouncement({
    id: d.newId(),
    authorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    type: input.type,
    title: input.title.trim(),
    body: input.body.trim(),
    gridCodes: target.codes,
    scopeLabel: target.label,
    publishedAt: d.clock.now().toISOString(),
  })
  if (stored.type === 'emergency') {
    await d.store.transaction(async (tx) => tx.enqueue(outboxMessage(d, GRID_ANNOUNCEMENT, `ann:${stored.id}`, { announcementId: stored.id })))
  }
  const [view] = await announcementViews(d, actor, [stored])
  return { ok: true as const, announcement: view!, grids: stored.gridCodes.length }
}
