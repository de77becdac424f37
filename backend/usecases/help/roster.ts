import type { ApiIn } from '../../../src/contracts/api'
import type { RosterView } from '../../../src/contracts/help'
import { onDutyAt, shiftText } from '../../../src/core/dutyRoster'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { DutyRoster } from '../../ports'
import { dutyCandidates, dutyGrant, responderLabel } from './duty'

/** Rosters are kept by the district's administrators and the street's 综治中心 for their own communities. */
export function keepsRoster(tree: OrgTree, actor: Actor, code: string): boolean {
  return actor.grants.some((g) => (g.role === 'admin' || g.role === 'dispatcher') && tree.isWithin(code, g.unitCode))
}

export function community(tree: OrgTree, actor: Actor, code: string): Failure | null {
  const unit = tree.get(code)
  if (!unit || unit.level !== 'community' || !keepsRoster(tree, actor, code)) return fail('NOT_FOUND', '社区不存在或无权管理其值班表')
  return null
}

export async function rosterView(d: Deps, tree: OrgTree, code: string, r: DutyRoster | null): Promise<RosterView> {
  const now = d.clock.now()
  const entries: RosterView['entries'] = []
  for (const e of r?.entries ?? []) {
    const u = await d.store.getUser(e.userId)
    const grant = u ? dutyGrant(tree, u, code) : undefined
    entries.push({
      userId: e.userId,
      name: u && !u.deletedAt ? u.name : '已注销用户',
      roleLabel: grant ? responderLabel(grant) : '已不在本社区任职',
      phone: u?.phone ?? null,
      shifts: e.shifts.map((s) => ({ days: [...s.days], from: s.from, to: s.to })),
      shiftText: e.shifts.map(shiftText).join('；'),
      onDutyNow: grant !== undefined && onDutyAt(e.shifts, now),
    })
  }
  const candidates = (await dutyCandidates(d, tree, code)).map(({ user, grant }) => ({ userId: user.id, name: user.name, roleLabel: responderLabel(grant) }))
  return { communityCode: code, communityName: tree.get(code)?.name ?? '', entries, candidates, updatedAt: r?.updatedAt ?? null }
}

/** `help.roster`: a community's duty roster and who may be put on it. */
export async function roster(d: Deps, actor: Actor, input: ApiIn<'help.roster'>) {
  const tree = await d.orgTree()
  const refused = community(tree, actor, input.communityCode)
  if (refused) return refused
  return { ok: true as const, roster: await rosterView(d, tree, input.communityCode, await d.store.getDutyRoster(input.communityCode)) }
}
