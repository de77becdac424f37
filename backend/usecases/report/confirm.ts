import type { ActInput, ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from './act'
import { caseView } from './caseView'

/** The reporter's own moves (confirm, reopen) go through the same table as staff's; only the view differs. */
export async function residentAct(d: Deps, actor: Actor, input: ActInput) {
  const r = await act(d, actor, input)
  if (!r.ok) return r
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  return { ok: true as const, case: await caseView(d, tree, c!) }
}

/** `reports.confirm`: the reporter accepts the resolution, with a rating. */
export function confirm(d: Deps, actor: Actor, input: ApiIn<'reports.confirm'>) {
  return residentAct(d, actor, { ...input, action: 'confirm' })
}
