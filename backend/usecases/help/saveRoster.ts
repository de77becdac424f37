import type { ApiIn } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { DutyRoster } from '../../ports'
import { dutyCandidates } from './duty'
import { community, rosterView } from './roster'

/** `help.saveRoster`: replaces the community's roster; everyone on it must be one of its staff who can come. */
export async function saveRoster(d: Deps, actor: Actor, input: ApiIn<'help.saveRoster'>) {
  const tree = await d.orgTree()
  const refused = community(tree, actor, input.communityCode)
  if (refused) return refused
  const allowed = new Set((await dutyCandidates(d, tree, input.communityCode)).map((x) => x.user.id))
  const seen = new Set<string>()
  for (const [i, e] of input.entries.entries()) {
    if (!allowed.has(e.userId)) return fail('VALIDATION', '值班人员须为本社区的网格员、调解员或协助调解人', { [`entries.${i}.userId`]: '不可值班' })
    if (seen.has(e.userId)) return fail('VALIDATION', '同一人只需列一次，可添加多个班次', { [`entries.${i}.userId`]: '重复' })
    seen.add(e.userId)
  }
  const r: DutyRoster = {
    communityCode: input.communityCode,
    entries: input.entries.map((e) => ({ userId: e.userId, shifts: e.shifts.map((s) => ({ days: [...new Set(s.days)].sort(), from: s.from, to: s.to })) })),
    updatedAt: d.clock.now().toISOString(),
    updatedBy: actor.userId,
  }
  await d.store.putDutyRoster(r)
  return { ok: true as const, roster: await rosterView(d, tree, input.communityCode, r) }
}
