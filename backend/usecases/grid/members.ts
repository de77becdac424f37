import type { MemberView } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Membership } from '../../ports'
import type { Deps } from '../../deps'
import { managed } from './gridAccess'
import { memberView } from './memberView'

/** The roster is for the grid's own workers only: names and building, never phones. */
export async function members(d: Deps, actor: Actor, input: { code: string; status?: Membership['status'] }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const rows = await d.store.listMemberships(m.g.code, input.status ?? 'joined')
  const out: MemberView[] = []
  for (const r of rows) out.push(await memberView(d, r))
  return { ok: true as const, members: out }
}
