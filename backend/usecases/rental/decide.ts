import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { CHECKIN_COMMANDS, DocumentActive } from './commands'
import { registrationAnswer } from './registrationView'

/** The building manager confirms (人来登记 → 在住, door access granted) or refuses with a reason. */
export async function decide(d: Deps, actor: Actor, input: { id: string; version: number; approve: boolean; reason?: string }) {
  try {
    const moved = await act(d, actor, CHECKIN_COMMANDS, { id: input.id, version: input.version, note: input.reason, action: input.approve ? 'confirm' : 'refuse' })
    return moved.ok ? registrationAnswer(d, moved.case) : moved
  } catch (e) {
    if (!(e instanceof DocumentActive)) throw e
    return fail('VALIDATION', '该证件号已有在住登记，不能重复确认；请核实身份后驳回并填写原因', { id: '该证件号已有在住登记' })
  }
}
