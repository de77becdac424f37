import type { ActInput, ApiIn } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { caseView } from './caseView'
import { REPORT_COMMANDS } from './commands'

/**
 * The reporter's own moves (confirm, reopen) go through the same table as staff's; only the view
 * differs: the case as just saved, without the staff detail or a second read of it.
 */
export async function residentAct(d: Deps, actor: Actor, input: ActInput) {
  const r = await act(d, actor, REPORT_COMMANDS, input)
  if (!r.ok) return r
  return { ok: true as const, case: await caseView(d, r.tree, r.case) }
}

/** `reports.confirm`: the reporter accepts the resolution, with a rating. */
export function confirm(d: Deps, actor: Actor, input: ApiIn<'reports.confirm'>) {
  return residentAct(d, actor, { ...input, action: 'confirm' })
}
