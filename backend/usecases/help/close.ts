import type { ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { actOnHelp } from './commands'
import { helpDetail } from './detail'

/** `help.close`: the one who took it (or the street's centre) ends it with what was done. */
export async function close(d: Deps, actor: Actor, input: ApiIn<'help.close'>) {
  const r = await actOnHelp(d, actor, { id: input.id, action: 'close', version: input.version, note: input.note })
  if (!r.ok) return r
  return { ok: true as const, ...(await helpDetail(d, r.tree, actor, r.case)) }
}
